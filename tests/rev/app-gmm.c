// Gaussian-mixture log-likelihood (diagonal covariances, log-sum-exp) in
// reverse: the gradient with respect to all parameters at once (the
// weights' logits, the means and the log standard deviations), from F_b with
// seed 1 and from F_grad (a request with extents), against central
// differences; the dot-product test against F_d to 1e-12; also under the
// sanitizers (malloc'd scratch memory and its adjoint).
/* RUN: %adcc %s --forward 'gmm_loglik:alpha,mu,logsig->return' \
 * RUN:   --reverse 'gmm_loglik:alpha,mu,logsig->return' -o %t.c --header %t.h
 * RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
 * RUN: %cc %san -include %t.h %s %t.c -o %t.san %rt && %t.san
 * RUN: %adcc %s --reverse 'gmm_loglik:alpha[k],mu[k*d],logsig[k*d]->return' -o %t.g.c --header %t.g.h
 * RUN: %cc -DGRAD -include %t.g.h %s %t.g.c -o %t.g %rt && %t.g
 * RUN: %clang -c %t.c -o %t.o
 */
#include <math.h>
#include <stdlib.h>

#define LOG_2PI 1.8378770664093453

static double logsumexp(const double *a, int k)
{
	double m = a[0];
	for (int j = 1; j < k; j++)
		if (a[j] > m)
			m = a[j];
	double s = 0;
	for (int j = 0; j < k; j++)
		s += exp(a[j] - m);
	return m + log(s);
}

static double sqnorm_scaled(const double *x, const double *mu, const double *logsig, int d)
{
	double q = 0;
	for (int t = 0; t < d; t++) {
		double z = (x[t] - mu[t]) * exp(-logsig[t]);
		q += z * z;
	}
	return q;
}

double gmm_loglik(int n, int d, int k, const double *x, const double *alpha,
	const double *mu, const double *logsig)
{
	double *lp = malloc(k * sizeof(double));
	double lse_alpha = logsumexp(alpha, k);
	double total = 0;
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < k; j++) {
			double logdet = 0;
			for (int t = 0; t < d; t++)
				logdet += logsig[j * d + t];
			double q = sqnorm_scaled(x + i * d, mu + j * d, logsig + j * d, d);
			lp[j] = alpha[j] - logdet - 0.5 * (q + d * LOG_2PI);
		}
		total += logsumexp(lp, k) - lse_alpha;
	}
	free(lp);
	return total;
}

#ifndef __ADCC__
#include "adtest.h"

enum { N = 30, D = 3, K = 4, P = K + 2 * K * D };
static double X[N * D];

static void gmm_v(void *c, const double *p, double *y)
{
	(void)c;
	y[0] = gmm_loglik(N, D, K, X, p, p + K, p + K + K * D);
}

#define PARTS2(q, qb) q, qb, q + K, qb + K, q + K + K * D, qb + K + K * D

int main(void)
{
	adt_seed(10);
	adt_fill(X, N * D, -2, 2);
	for (int k = 0; k < 4; k++) {
		double p[P], pd[P], pb[P], fd[P], t;
		adt_fill(p, P, -0.5, 0.5);
		adt_fill(pd, P, -1, 1);
		double want = gmm_loglik(N, D, K, X, p, p + K, p + K + K * D);
		for (int i = 0; i < P; i++) {
			double e[P] = {0};
			e[i] = 1;
			adt_fd_dir(gmm_v, NULL, P, p, e, 1, &fd[i]);
		}
#ifdef GRAD
		for (int i = 0; i < P; i++)
			pb[i] = NAN;   /* overwritten */
		adt_check_exact("gmm_grad", k, gmm_loglik_grad(N, D, K, X, PARTS2(p, pb)), want);
		adt_check_array("gmm grad", P, pb, fd);
		(void)pd, (void)t;
#else
		memset(pb, 0, sizeof pb);
		adt_check_exact("gmm_b", k, gmm_loglik_b(N, D, K, X, PARTS2(p, pb), 1), want);
		adt_check_array("gmm grad", P, pb, fd);
		gmm_loglik_d(N, D, K, X, PARTS2(p, pd), &t);
		double rb = adt_uniform(-1, 1);
		memset(pb, 0, sizeof pb);
		gmm_loglik_b(N, D, K, X, PARTS2(p, pb), rb);
		double tol = adt_tol;
		adt_tol = 1e-12;
		adt_check("gmm dot", k, adt_dot(P, pd, pb), t * rb);
		adt_tol = tol;
#endif
	}
	return adt_done();
}
#endif

// Gaussian-mixture log-likelihood (diagonal covariances, log-sum-exp),
// tangent with respect to all parameters at once: the weights' logits,
// the means and the log standard deviations.
// RUN: %adcc %s --forward 'gmm_loglik:alpha,mu,logsig->return' -o %t.d.c --header %t.d.h
// RUN: %cc -include %t.d.h %s %t.d.c -o %t %rt && %t
// RUN: %cc %san -include %t.d.h %s %t.d.c -o %t.san %rt && %t.san
// RUN: %clang -c %t.d.c -o %t.o
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

double gmm_loglik_d(int n, int d, int k, const double *x, const double *alpha,
	const double *alphad, const double *mu, const double *mud, const double *logsig,
	const double *logsigd, double *retd);

enum { N = 30, D = 3, K = 4, P = K + 2 * K * D };
static double X[N * D];

static void gmm_v(void *c, const double *p, double *y)
{
	(void)c;
	y[0] = gmm_loglik(N, D, K, X, p, p + K, p + K + K * D);
}

int main(void)
{
	adt_seed(10);
	adt_fill(X, N * D, -2, 2);
	for (int k = 0; k < 4; k++) {
		double p[P], pd[P], fd, t;
		adt_fill(p, P, -0.5, 0.5);
		adt_fill(pd, P, -1, 1);
		double y = gmm_loglik_d(N, D, K, X, p, pd, p + K, pd + K, p + K + K * D,
			pd + K + K * D, &t);
		adt_check_exact("gmm", k, y, gmm_loglik(N, D, K, X, p, p + K, p + K + K * D));
		adt_fd_dir(gmm_v, NULL, P, p, pd, 1, &fd);
		adt_check("gmm'", k, t, fd);
		/* one coordinate direction at a time */
		for (int i = 0; i < P; i += 5) {
			double e[P] = {0};
			e[i] = 1;
			gmm_loglik_d(N, D, K, X, p, e, p + K, e + K, p + K + K * D, e + K + K * D, &t);
			adt_fd_dir(gmm_v, NULL, P, p, e, 1, &fd);
			adt_check("gmm' e_i", i, t, fd);
		}
	}
	return adt_done();
}
#endif

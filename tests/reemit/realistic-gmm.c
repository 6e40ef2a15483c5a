/* Re-emission of a realistic file: the negative log-likelihood of a
 * Gaussian mixture model (as in ADBench's GMM), with helper functions,
 * log-sum-exp, a packed lower-triangular Cholesky factor, malloc'd scratch
 * arrays and a Wishart prior.
 * RUN: %adcc %s -o %t.re.c
 * RUN: FileCheck %s < %t.re.c
 * RUN: not grep -n goto %t.re.c
 * RUN: %cc -c %t.re.c -o %t.gcc.o && %clang -c %t.re.c -o %t.clang.o
 * RUN: %cc -ffp-contract=off -DTEST_MAIN %s -o %t.ref -lm
 * RUN: %cc -ffp-contract=off -DTEST_MAIN -DMAIN_ONLY %s %t.re.c -o %t.gen -lm
 * RUN: %cc -O0 %san -ffp-contract=off -DTEST_MAIN -DMAIN_ONLY %s %t.re.c -o %t.san -lm
 * RUN: %t.ref > %t.ref.out && %t.gen > %t.gen.out && %t.san > %t.san.out
 * RUN: diff %t.ref.out %t.gen.out && diff %t.ref.out %t.san.out
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef MAIN_ONLY
// CHECK-LABEL: static double arr_max(int n, const double *x){{$}}
// CHECK: for (int i = 1; i < n; i++) {
static double arr_max(int n, const double *x)
{
	double m = x[0];
	for (int i = 1; i < n; i++)
		if (m < x[i])
			m = x[i];
	return m;
}

static double logsumexp(int n, const double *x)
{
	double mx = arr_max(n, x);
	double s = 0;
	for (int i = 0; i < n; i++)
		s += exp(x[i] - mx);
	return log(s) + mx;
}

static double sqnorm(int n, const double *x)
{
	double r = x[0] * x[0];
	for (int i = 1; i < n; i++)
		r += x[i] * x[i];
	return r;
}

static void subtract(int d, const double *x, const double *y, double *out)
{
	for (int i = 0; i < d; i++)
		out[i] = x[i] - y[i];
}

/* out = Q x, Q lower triangular: exp(qdiag) on the diagonal, ltri below */
static void qtimesx(int d, const double *qdiag, const double *ltri, const double *x, double *out)
{
	for (int i = 0; i < d; i++)
		out[i] = qdiag[i] * x[i];
	int lparamsidx = 0;
	for (int i = 0; i < d; i++)
		for (int j = i + 1; j < d; j++) {
			out[j] += ltri[lparamsidx] * x[i];
			lparamsidx++;
		}
}

static double log_gamma_distrib(double a, double p)
{
	double out = 0.25 * p * (p - 1) * log(M_PI);
	for (int j = 1; j <= p; j++)
		out += lgamma(a + 0.5 * (1 - j));
	return out;
}

static double log_wishart_prior(int p, int k, double gamma, int m,
	const double *sum_qs, const double *qdiags, const double *icf)
{
	int n = p + m + 1;
	int icf_sz = p * (p + 1) / 2;
	double C = n * p * (log(gamma) - 0.5 * log(2)) - log_gamma_distrib(0.5 * n, p);
	double out = 0;
	for (int ik = 0; ik < k; ik++) {
		double frobenius = sqnorm(p, &qdiags[ik * p]) + sqnorm(icf_sz - p, &icf[ik * icf_sz + p]);
		out = out + 0.5 * gamma * gamma * frobenius - m * sum_qs[ik];
	}
	return out - k * C;
}

static void preprocess_qs(int d, int k, const double *icf, double *sum_qs, double *qdiags)
{
	int icf_sz = d * (d + 1) / 2;
	for (int ik = 0; ik < k; ik++) {
		sum_qs[ik] = 0;
		for (int id = 0; id < d; id++) {
			double q = icf[ik * icf_sz + id];
			sum_qs[ik] += q;
			qdiags[ik * d + id] = exp(q);
		}
	}
}

// CHECK-LABEL: double gmm_objective(int d, int k, int n, const double *alphas, const double *means, const double *icf, const double *x, double gamma, int m){{$}}
// CHECK: double *qdiags = (double *)
// CHECK: for (int ix = 0; ix < n; ix++) {
double gmm_objective(int d, int k, int n, const double *alphas, const double *means,
	const double *icf, const double *x, double gamma, int m)
{
	const double CONSTANT = -n * d * 0.5 * log(2 * M_PI);
	int icf_sz = d * (d + 1) / 2;
	double *qdiags = malloc(d * k * sizeof(double));
	double *sum_qs = malloc(k * sizeof(double));
	double *xcentered = malloc(d * sizeof(double));
	double *Qxcentered = malloc(d * sizeof(double));
	double *main_term = malloc(k * sizeof(double));
	preprocess_qs(d, k, icf, sum_qs, qdiags);
	double slse = 0;
	for (int ix = 0; ix < n; ix++) {
		for (int ik = 0; ik < k; ik++) {
			subtract(d, &x[ix * d], &means[ik * d], xcentered);
			qtimesx(d, &qdiags[ik * d], &icf[ik * icf_sz + d], xcentered, Qxcentered);
			main_term[ik] = alphas[ik] + sum_qs[ik] - 0.5 * sqnorm(d, Qxcentered);
		}
		slse = slse + logsumexp(k, main_term);
	}
	double lse_alphas = logsumexp(k, alphas);
	double err = CONSTANT + slse - n * lse_alphas +
		log_wishart_prior(d, k, gamma, m, sum_qs, qdiags, icf);
	free(qdiags);
	free(sum_qs);
	free(xcentered);
	free(Qxcentered);
	free(main_term);
	return err;
}
#endif

#ifdef TEST_MAIN
double gmm_objective(int d, int k, int n, const double *alphas, const double *means,
	const double *icf, const double *x, double gamma, int m);

static unsigned long long rs = 88172645463325252ull;
static double rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return (double)(rs >> 11) / 9007199254740992.0 * 2 - 1;
}

int main(void)
{
	int dims[3][3] = {{2, 3, 5}, {3, 4, 10}, {1, 2, 3}};
	for (int t = 0; t < 3; t++) {
		int d = dims[t][0], k = dims[t][1], n = dims[t][2];
		int icf_sz = d * (d + 1) / 2;
		double alphas[8], means[64], icf[128], x[128];
		for (int i = 0; i < k; i++)
			alphas[i] = rnd();
		for (int i = 0; i < d * k; i++)
			means[i] = rnd() * 2;
		for (int i = 0; i < icf_sz * k; i++)
			icf[i] = rnd() * 0.5;
		for (int i = 0; i < d * n; i++)
			x[i] = rnd() * 3;
		printf("gmm %d %d %d %a %a\n", d, k, n,
			gmm_objective(d, k, n, alphas, means, icf, x, 1.0, 0),
			gmm_objective(d, k, n, alphas, means, icf, x, 0.3, 2));
	}
	return 0;
}
#endif

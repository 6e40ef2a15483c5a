/* gmm_check.c — compares gmm_loglik_d with central finite differences. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "out/gmm_d.h"

double gmm_loglik(int n, int d, int k, const double *x, const double *alpha,
	const double *mu, const double *logsig);

static double rnd(void) { return rand() / (double)RAND_MAX - 0.5; }

int main(void)
{
	enum { N = 50, D = 3, K = 4 };
	double x[N * D], alpha[K], mu[K * D], logsig[K * D], mud[K * D];
	double mup[K * D], mum[K * D];
	for (int i = 0; i < N * D; i++) x[i] = 2 * rnd();
	for (int i = 0; i < K; i++) alpha[i] = rnd();
	for (int i = 0; i < K * D; i++) mu[i] = rnd(), logsig[i] = 0.3 * rnd(), mud[i] = rnd();
	double yd;
	double y = gmm_loglik_d(N, D, K, x, alpha, mu, mud, logsig, &yd);
	double h = 1e-6;
	for (int i = 0; i < K * D; i++) mup[i] = mu[i] + h * mud[i], mum[i] = mu[i] - h * mud[i];
	double fd = (gmm_loglik(N, D, K, x, alpha, mup, logsig) -
		gmm_loglik(N, D, K, x, alpha, mum, logsig)) / (2 * h);
	printf("loglik = %.12g\ntangent (adcc) = %.12g\ntangent (finite differences) = %.12g\n", y, yd, fd);
	double rel = fabs(yd - fd) / fmax(fabs(fd), 1e-12);
	printf("relative difference = %.2e  %s\n", rel, rel < 1e-6 ? "OK" : "MISMATCH");
	return rel < 1e-6 ? 0 : 1;
}

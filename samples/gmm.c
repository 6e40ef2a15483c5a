/* gmm.c — log-likelihood of a Gaussian mixture with diagonal covariances.
 *
 *   L = sum_i log sum_k  w_k N(x_i | mu_k, diag(s_k^2))
 *
 * The sample for `make demo`: adcc differentiates gmm_loglik with respect
 * to the means, the log standard deviations and the weights' logits.
 */
#include <math.h>
#include <stdlib.h>

#define LOG_2PI 1.8378770664093453

/* log(sum_k exp(a[k])) without overflow */
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

double gmm_loglik(int n, int d, int k, const double *x, const double *alpha,
	const double *mu, const double *logsig)
{
	double *lp = malloc(k * sizeof(double));
	double lse_alpha = logsumexp(alpha, k);
	double total = 0;
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < k; j++) {
			double q = 0, logdet = 0;
			for (int t = 0; t < d; t++) {
				double z = (x[i * d + t] - mu[j * d + t]) * exp(-logsig[j * d + t]);
				q += z * z;
				logdet += logsig[j * d + t];
			}
			lp[j] = alpha[j] - logdet - 0.5 * (q + d * LOG_2PI);
		}
		total += logsumexp(lp, k) - lse_alpha;
	}
	free(lp);
	return total;
}

/* gmm.c — Gaussian-mixture log-likelihood with a Wishart prior, as in ADBench
 * (Srajer, Kukelova, Fitzgibbon 2018, "A benchmark of selected algorithmic
 * differentiation tools", gmm_objective of the C++ reference).
 *
 * Full covariances, parametrised by the inverse Cholesky factor Q_k of each
 * component in log-Cholesky form: icf[k] holds D log-diagonal entries q_k
 * (diag(Q_k) = exp(q_k)), then the D(D-1)/2 strictly-lower entries of L_k,
 * column by column.
 *
 *   err = -N D/2 log(2 pi) + sum_i logsumexp_k(alpha_k + sum(q_k)
 *             - 1/2 |Q_k (x_i - mu_k)|^2) - N logsumexp(alpha)
 *         + sum_k (gamma^2/2 |Q_k|_F^2 - m sum(q_k)) - K C(D, gamma, m)
 *
 * The Wishart parameters (gamma, m) are passed as scalars instead of
 * ADBench's struct.  adcc differentiates gmm_objective with respect to
 * alphas, means and icf (bench/Makefile).
 */
#include <math.h>
#include <stdlib.h>

#define GMM_PI 3.14159265358979323846

static double logsumexp(int n, const double *x)
{
	double mx = x[0];
	for (int i = 1; i < n; i++)
		if (x[i] > mx)
			mx = x[i];
	double s = 0;
	for (int i = 0; i < n; i++)
		s += exp(x[i] - mx);
	return log(s) + mx;
}

static double sqnorm(int n, const double *x)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += x[i] * x[i];
	return s;
}

/* out = Q x, Q = diag(qdiag) + strictly lower ltri (column-major packed) */
static void qtimesx(int d, const double *qdiag, const double *ltri,
	const double *x, double *out)
{
	for (int i = 0; i < d; i++)
		out[i] = qdiag[i] * x[i];
	int li = 0;
	for (int i = 0; i < d; i++)
		for (int j = i + 1; j < d; j++) {
			out[j] += ltri[li] * x[i];
			li++;
		}
}

static double log_gamma_distrib(double a, int p)
{
	double out = 0.25 * p * (p - 1) * log(GMM_PI);
	for (int j = 1; j <= p; j++)
		out += lgamma(a + 0.5 * (1 - j));
	return out;
}

static double log_wishart_prior(int p, int k, double wgamma, int wm,
	const double *sum_qs, const double *qdiags, const double *icf)
{
	int n = p + wm + 1;
	int icf_sz = p * (p + 1) / 2;
	double c = n * p * (log(wgamma) - 0.5 * log(2.0)) -
		log_gamma_distrib(0.5 * n, p);
	double out = 0;
	for (int ik = 0; ik < k; ik++) {
		double frobenius = sqnorm(p, &qdiags[ik * p]) +
			sqnorm(icf_sz - p, &icf[ik * icf_sz + p]);
		out += 0.5 * wgamma * wgamma * frobenius - wm * sum_qs[ik];
	}
	return out - k * c;
}

void gmm_objective(int d, int k, int n, const double *alphas,
	const double *means, const double *icf, const double *x,
	double wgamma, int wm, double *err)
{
	const double constant = -n * d * 0.5 * log(2 * GMM_PI);
	int icf_sz = d * (d + 1) / 2;
	double *qdiags = malloc(d * k * sizeof(double));
	double *sum_qs = malloc(k * sizeof(double));
	double *xc = malloc(d * sizeof(double));
	double *qxc = malloc(d * sizeof(double));
	double *main_term = malloc(k * sizeof(double));

	for (int ik = 0; ik < k; ik++) {
		sum_qs[ik] = 0;
		for (int id = 0; id < d; id++) {
			double q = icf[ik * icf_sz + id];
			sum_qs[ik] += q;
			qdiags[ik * d + id] = exp(q);
		}
	}

	double slse = 0;
	for (int ix = 0; ix < n; ix++) {
		for (int ik = 0; ik < k; ik++) {
			for (int id = 0; id < d; id++)
				xc[id] = x[ix * d + id] - means[ik * d + id];
			qtimesx(d, &qdiags[ik * d], &icf[ik * icf_sz + d], xc, qxc);
			main_term[ik] = alphas[ik] + sum_qs[ik] - 0.5 * sqnorm(d, qxc);
		}
		slse += logsumexp(k, main_term);
	}

	double lse_alphas = logsumexp(k, alphas);
	*err = constant + slse - n * lse_alphas +
		log_wishart_prior(d, k, wgamma, wm, sum_qs, qdiags, icf);

	free(qdiags);
	free(sum_qs);
	free(xc);
	free(qxc);
	free(main_term);
}

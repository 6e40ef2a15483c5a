/* gmm_hand.c — hand-written adjoint of gmm_objective (gmm.c): err and its
 * gradient with respect to alphas, means and icf, the reference that adcc's
 * reverse mode is measured against.
 *
 * Forward pass: the primal, saving what the backward pass needs and cannot
 * get more cheaply: Q_k's diagonal exp(q_k) (K D), and for every point i
 * and component k the residual y_ik = Q_k (x_i - mu_k) (N K D) and the
 * posterior w_ik = softmax_k(main_term_i) (N K).  x_i - mu_k is recomputed
 * (one subtraction).  Backward pass, with seed d err = 1:
 *
 *   main_term_ik = alpha_k + sum(q_k) - |y_ik|^2 / 2,
 *   d slse / d main_term_ik = w_ik, so, with xc_ik = x_i - mu_k:
 *   alphas: sum_i w_ik - N softmax(alphas)_k
 *   means:  Q_k^T sum_i w_ik y_ik
 *   q_kd:   sum_i w_ik - wm
 *           + exp(q_kd) (gamma^2 exp(q_kd) - sum_i w_ik y_ikd xc_ikd)
 *   L_k:    gamma^2 L_k - sum_i w_ik (y_ik xc_ik^T) below the diagonal
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define GMM_PI 3.14159265358979323846

size_t gmm_hand_saved(int d, int k, int n)
{
	return sizeof(double) * ((size_t)n * k * d + (size_t)n * k + (size_t)k * d);
}

static double log_gamma_distrib(double a, int p)
{
	double out = 0.25 * p * (p - 1) * log(GMM_PI);
	for (int j = 1; j <= p; j++)
		out += lgamma(a + 0.5 * (1 - j));
	return out;
}

/* Returns err (as gmm_objective) and overwrites alphasb[k], meansb[k*d],
 * icfb[k*d*(d+1)/2] with its gradient. */
double gmm_hand_grad(int d, int k, int n, const double *alphas,
	const double *means, const double *icf, const double *x, double wgamma,
	int wm, double *alphasb, double *meansb, double *icfb)
{
	const int icf_sz = d * (d + 1) / 2;
	/* saved state: qdiags[k*d], y[n*k*d], post[n*k] */
	double *qdiags = malloc(gmm_hand_saved(d, k, n));
	double *y = qdiags + (size_t)k * d;
	double *post = y + (size_t)n * k * d;
	double *sum_qs = malloc(k * sizeof(double));
	double *xc = malloc(d * sizeof(double));
	double *wy = malloc(d * sizeof(double));
	double *qdiagb = malloc((size_t)k * d * sizeof(double));

	/* ---- forward ---- */
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
		double *mt = &post[(size_t)ix * k];   /* main_term, then posterior */
		for (int ik = 0; ik < k; ik++) {
			const double *qd = &qdiags[ik * d], *lt = &icf[ik * icf_sz + d];
			const double *mu = &means[ik * d];
			double *yk = &y[((size_t)ix * k + ik) * d];
			for (int id = 0; id < d; id++) {
				xc[id] = x[ix * d + id] - mu[id];
				yk[id] = qd[id] * xc[id];
			}
			int li = 0;
			for (int i = 0; i < d; i++)
				for (int j = i + 1; j < d; j++)
					yk[j] += lt[li++] * xc[i];
			double sq = 0;
			for (int id = 0; id < d; id++)
				sq += yk[id] * yk[id];
			mt[ik] = alphas[ik] + sum_qs[ik] - 0.5 * sq;
		}
		double mx = mt[0], s = 0;
		for (int ik = 1; ik < k; ik++)
			mx = mt[ik] > mx ? mt[ik] : mx;
		for (int ik = 0; ik < k; ik++)
			s += mt[ik] = exp(mt[ik] - mx);
		for (int ik = 0; ik < k; ik++)
			mt[ik] /= s;
		slse += log(s) + mx;
	}
	double amx = alphas[0], as = 0;
	for (int ik = 1; ik < k; ik++)
		amx = alphas[ik] > amx ? alphas[ik] : amx;
	for (int ik = 0; ik < k; ik++)
		as += exp(alphas[ik] - amx);
	double lse_alphas = log(as) + amx;
	int wn = d + wm + 1;
	double c = wn * d * (log(wgamma) - 0.5 * log(2.0)) -
		log_gamma_distrib(0.5 * wn, d);
	double prior = 0;
	for (int ik = 0; ik < k; ik++) {
		double frob = 0;
		for (int id = 0; id < d; id++)
			frob += qdiags[ik * d + id] * qdiags[ik * d + id];
		for (int i = d; i < icf_sz; i++)
			frob += icf[ik * icf_sz + i] * icf[ik * icf_sz + i];
		prior += 0.5 * wgamma * wgamma * frob - wm * sum_qs[ik];
	}
	double err = -n * d * 0.5 * log(2 * GMM_PI) + slse - n * lse_alphas +
		prior - k * c;

	/* ---- backward ---- */
	double g2 = wgamma * wgamma;
	for (int ik = 0; ik < k; ik++) {
		alphasb[ik] = 0;   /* sum_i w_ik first */
		for (int id = 0; id < d; id++)
			qdiagb[ik * d + id] = g2 * qdiags[ik * d + id];
		for (int i = d; i < icf_sz; i++)
			icfb[ik * icf_sz + i] = g2 * icf[ik * icf_sz + i];
	}
	/* meansb_k = Q_k^T sum_i w_ik y_ik: the sum first (in meansb) */
	memset(meansb, 0, (size_t)k * d * sizeof(double));
	for (int ix = 0; ix < n; ix++)
		for (int ik = 0; ik < k; ik++) {
			double w = post[(size_t)ix * k + ik];
			const double *mu = &means[ik * d];
			const double *yk = &y[((size_t)ix * k + ik) * d];
			double *qb = &qdiagb[ik * d], *ltb = &icfb[ik * icf_sz + d];
			double *wys = &meansb[ik * d];
			alphasb[ik] += w;
			for (int id = 0; id < d; id++) {
				xc[id] = x[ix * d + id] - mu[id];
				wy[id] = w * yk[id];
				qb[id] -= wy[id] * xc[id];
				wys[id] += wy[id];
			}
			int li = 0;
			for (int i = 0; i < d; i++)
				for (int j = i + 1; j < d; j++)
					ltb[li++] -= wy[j] * xc[i];
		}
	for (int ik = 0; ik < k; ik++) {
		const double *qd = &qdiags[ik * d], *lt = &icf[ik * icf_sz + d];
		double *mub = &meansb[ik * d];
		memcpy(wy, mub, d * sizeof(double));
		for (int id = 0; id < d; id++)
			mub[id] = qd[id] * wy[id];
		int li = 0;
		for (int i = 0; i < d; i++)
			for (int j = i + 1; j < d; j++)
				mub[i] += lt[li++] * wy[j];
	}
	for (int ik = 0; ik < k; ik++) {
		double sqb = alphasb[ik] - wm;   /* d err / d sum(q_k) */
		alphasb[ik] -= n * exp(alphas[ik] - lse_alphas);
		for (int id = 0; id < d; id++)
			icfb[ik * icf_sz + id] = sqb +
				qdiagb[ik * d + id] * qdiags[ik * d + id];
	}

	free(qdiags);
	free(sum_qs);
	free(xc);
	free(wy);
	free(qdiagb);
	return err;
}

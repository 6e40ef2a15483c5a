/* mlp.c — mean softmax cross-entropy of a multilayer perceptron with two
 * tanh hidden layers over a mini-batch (the model of e.g. Goodfellow,
 * Bengio, Courville, "Deep Learning", §6.2.2.3 and §6.3):
 *
 *   h1 = tanh(W1 x + b1),  h2 = tanh(W2 h1 + b2),  z = W3 h2 + b3,
 *   loss = 1/B sum_b ( logsumexp(z_b) - z_b[y_b] )
 *
 * Weights are row-major (W1 is H1 x I).  adcc differentiates mlp_loss with
 * respect to all weights and biases (bench/Makefile).
 */
#include <math.h>
#include <stdlib.h>

/* out = tanh(w in + b) when act, else w in + b; w is m x n row-major */
static void dense(int m, int n, const double *w, const double *b,
	const double *in, double *out, int act)
{
	for (int i = 0; i < m; i++) {
		double s = b[i];
		for (int j = 0; j < n; j++)
			s += w[i * n + j] * in[j];
		out[i] = act ? tanh(s) : s;
	}
}

double mlp_loss(int nb, int ni, int nh1, int nh2, int nc, const double *x,
	const int *y, const double *w1, const double *b1, const double *w2,
	const double *b2, const double *w3, const double *b3)
{
	double *h1 = malloc(nh1 * sizeof(double));
	double *h2 = malloc(nh2 * sizeof(double));
	double *z = malloc(nc * sizeof(double));
	double loss = 0;
	for (int b = 0; b < nb; b++) {
		/* layer 1 written out: passing the inactive x to dense() next to
		 * active weights makes adcc treat x as carrying derivatives */
		for (int i = 0; i < nh1; i++) {
			double s1 = b1[i];
			for (int j = 0; j < ni; j++)
				s1 += w1[i * ni + j] * x[b * ni + j];
			h1[i] = tanh(s1);
		}
		dense(nh2, nh1, w2, b2, h1, h2, 1);
		dense(nc, nh2, w3, b3, h2, z, 0);
		double mx = z[0];
		for (int c = 1; c < nc; c++)
			if (z[c] > mx)
				mx = z[c];
		double s = 0;
		for (int c = 0; c < nc; c++)
			s += exp(z[c] - mx);
		loss += mx + log(s) - z[y[b]];
	}
	free(h1);
	free(h2);
	free(z);
	return loss / nb;
}

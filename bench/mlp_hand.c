/* mlp_hand.c — hand-written adjoint of mlp_loss (mlp.c): the loss and its
 * gradient with respect to all weights and biases (backpropagation), the
 * reference that adcc's reverse mode is measured against.
 *
 * Forward pass: the primal, saving per example the hidden activations h1,
 * h2 (tanh' = 1 - tanh^2 needs only them) and the softmax probabilities
 * of the output layer.  Backward pass, per example b, seed d loss = 1:
 *
 *   dz = (softmax(z) - onehot(y_b)) / B;     W3b += dz h2^T, b3b += dz
 *   da2 = (W3^T dz) (1 - h2^2);              W2b += da2 h1^T, b2b += da2
 *   da1 = (W2^T da2) (1 - h1^2);             W1b += da1 x_b^T, b1b += da1
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

size_t mlp_hand_saved(int nb, int nh1, int nh2, int nc)
{
	return sizeof(double) * (size_t)nb * (nh1 + nh2 + nc);
}

static void zero(double *x, size_t n)
{
	memset(x, 0, n * sizeof *x);
}

/* Returns the loss (as mlp_loss) and overwrites w1b … b3b with its
 * gradient. */
double mlp_hand_grad(int nb, int ni, int nh1, int nh2, int nc,
	const double *x, const int *y, const double *w1, const double *b1,
	const double *w2, const double *b2, const double *w3, const double *b3,
	double *w1b, double *b1b, double *w2b, double *b2b, double *w3b,
	double *b3b)
{
	/* saved state: h1[nb*nh1], h2[nb*nh2], prob[nb*nc] */
	double *h1 = malloc(mlp_hand_saved(nb, nh1, nh2, nc));
	double *h2 = h1 + (size_t)nb * nh1;
	double *prob = h2 + (size_t)nb * nh2;
	double *dz = malloc(nc * sizeof(double));
	double *da2 = malloc(nh2 * sizeof(double));
	double *da1 = malloc(nh1 * sizeof(double));

	/* ---- forward ---- */
	double loss = 0;
	for (int b = 0; b < nb; b++) {
		double *a1 = &h1[b * nh1], *a2 = &h2[b * nh2], *z = &prob[b * nc];
		for (int i = 0; i < nh1; i++) {
			double s = b1[i];
			for (int j = 0; j < ni; j++)
				s += w1[i * ni + j] * x[b * ni + j];
			a1[i] = tanh(s);
		}
		for (int i = 0; i < nh2; i++) {
			double s = b2[i];
			for (int j = 0; j < nh1; j++)
				s += w2[i * nh1 + j] * a1[j];
			a2[i] = tanh(s);
		}
		for (int i = 0; i < nc; i++) {
			double s = b3[i];
			for (int j = 0; j < nh2; j++)
				s += w3[i * nh2 + j] * a2[j];
			z[i] = s;
		}
		double mx = z[0], s = 0;
		for (int c = 1; c < nc; c++)
			mx = z[c] > mx ? z[c] : mx;
		double zy = z[y[b]];
		for (int c = 0; c < nc; c++)
			s += z[c] = exp(z[c] - mx);
		for (int c = 0; c < nc; c++)
			z[c] /= s;
		loss += mx + log(s) - zy;
	}

	/* ---- backward ---- */
	zero(w1b, (size_t)nh1 * ni), zero(b1b, nh1);
	zero(w2b, (size_t)nh2 * nh1), zero(b2b, nh2);
	zero(w3b, (size_t)nc * nh2), zero(b3b, nc);
	for (int b = 0; b < nb; b++) {
		const double *a1 = &h1[b * nh1], *a2 = &h2[b * nh2];
		const double *xb = &x[b * ni];
		for (int c = 0; c < nc; c++)
			dz[c] = (prob[b * nc + c] - (c == y[b])) / nb;
		zero(da2, nh2);
		for (int c = 0; c < nc; c++) {
			b3b[c] += dz[c];
			for (int j = 0; j < nh2; j++) {
				w3b[c * nh2 + j] += dz[c] * a2[j];
				da2[j] += w3[c * nh2 + j] * dz[c];
			}
		}
		for (int j = 0; j < nh2; j++)
			da2[j] *= 1 - a2[j] * a2[j];
		zero(da1, nh1);
		for (int i = 0; i < nh2; i++) {
			b2b[i] += da2[i];
			for (int j = 0; j < nh1; j++) {
				w2b[i * nh1 + j] += da2[i] * a1[j];
				da1[j] += w2[i * nh1 + j] * da2[i];
			}
		}
		for (int i = 0; i < nh1; i++) {
			double d = da1[i] * (1 - a1[i] * a1[i]);
			b1b[i] += d;
			for (int j = 0; j < ni; j++)
				w1b[i * ni + j] += d * xb[j];
		}
	}

	free(h1);
	free(dz);
	free(da2);
	free(da1);
	return loss / nb;
}

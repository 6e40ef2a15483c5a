/* lstm_hand.c — hand-written adjoint of lstm_objective (lstm.c): the loss
 * and its gradient with respect to main_params and extra_params
 * (backpropagation through time), the reference that adcc's reverse mode
 * is measured against.
 *
 * Forward pass: the primal, saving for every time step t, layer j and unit
 * i the four gates, tanh(cell) and the new cell (6 values; the new hidden
 * state is recomputed as outgate * tanh(cell), one product), and for every
 * step the softmax probabilities exp(ypred_i) / (2 + sum exp(ypred)).
 * Backward pass, steps and layers in reverse, seed d loss = 1, carrying
 * the adjoints hb, cb of each layer's hidden and cell state:
 *
 *   ypredb_i = -(next_i - prob_i sum(next)) / ((c-1) b)
 *   hidden = og tanh(cell):  ogb = hb tanh(cell), cb += hb og (1 - tanh^2)
 *   cell = cell' f + ig ch:  cb' = cb f, fb = cb cell', igb = cb ch,
 *                            chb = cb ig
 *   gate = sigm(a) or tanh(a), a = v w + bias:  wb += ab v, biasb += ab,
 *   vb += ab w  (v = the layer's input, or its previous hidden state)
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { SF, SI, SO, SC, STC, SCN, NSAVE };  /* saved values per unit */

size_t lstm_hand_saved(int l, int c, int b)
{
	return sizeof(double) * (size_t)(c - 1) * b * ((size_t)NSAVE * l + 1);
}

static double sigmoid(double x)
{
	return 1 / (1 + exp(-x));
}

/* the saved values, where to find them, and the data */
typedef struct {
	int l, b;
	double *sv;   /* sv[((t*l + j)*NSAVE + q)*b + i] */
	const double *state, *sequence, *w_in;
} Saved;

/* saved value q (SF … SCN) of step t, layer j: b units */
static double *at(const Saved *s, int t, int j, int q)
{
	return &s->sv[(((size_t)t * s->l + j) * NSAVE + q) * s->b];
}

/* in[b] = the input of layer j at step t (the scaled character, or layer
 * j-1's new hidden state), hp[b] = the layer's previous hidden state;
 * returns its previous cell state */
static const double *inputs(const Saved *s, int t, int j, double *in,
	double *hp)
{
	int b = s->b;
	for (int i = 0; i < b; i++) {
		in[i] = j == 0 ? s->sequence[t * b + i] * s->w_in[i] :
			at(s, t, j - 1, SO)[i] * at(s, t, j - 1, STC)[i];
		hp[i] = t == 0 ? s->state[2 * b * j + i] :
			at(s, t - 1, j, SO)[i] * at(s, t - 1, j, STC)[i];
	}
	return t == 0 ? &s->state[2 * b * j + b] : at(s, t - 1, j, SCN);
}

/* Returns the loss (as lstm_objective) and overwrites main_paramsb[8*l*b]
 * and extra_paramsb[3*b] with its gradient. */
double lstm_hand_grad(int l, int c, int b, const double *main_params,
	const double *extra_params, const double *state, const double *sequence,
	double *main_paramsb, double *extra_paramsb)
{
	const double *w2 = extra_params;
	double *w2b = extra_paramsb;
	/* saved state: the per-unit values, then prob[t*b + i] */
	Saved s = { l, b, malloc(lstm_hand_saved(l, c, b)), state, sequence, w2 };
	double *prob = s.sv + (size_t)(c - 1) * l * NSAVE * b;
	double *in = malloc(b * sizeof(double));   /* a layer's input */
	double *hp = malloc(b * sizeof(double));   /* its previous hidden state */
	double *hb = calloc((size_t)l * b, sizeof(double));
	double *cb = calloc((size_t)l * b, sizeof(double));

	/* ---- forward ---- */
	double total = 0;
	for (int t = 0; t < c - 1; t++) {
		for (int j = 0; j < l; j++) {
			const double *w = &main_params[8 * b * j], *bias = w + 4 * b;
			const double *cp = inputs(&s, t, j, in, hp);
			double *sf = at(&s, t, j, SF), *si = at(&s, t, j, SI);
			double *so = at(&s, t, j, SO), *sc = at(&s, t, j, SC);
			double *scn = at(&s, t, j, SCN), *stc = at(&s, t, j, STC);
			for (int i = 0; i < b; i++) {
				double f = sigmoid(in[i] * w[i] + bias[i]);
				double ig = sigmoid(hp[i] * w[b + i] + bias[b + i]);
				double og = sigmoid(in[i] * w[2 * b + i] + bias[2 * b + i]);
				double ch = tanh(hp[i] * w[3 * b + i] + bias[3 * b + i]);
				double cn = cp[i] * f + ig * ch;
				sf[i] = f, si[i] = ig, so[i] = og, sc[i] = ch;
				scn[i] = cn, stc[i] = tanh(cn);
			}
		}
		/* ypred from the top layer; prob[] holds exp(ypred) first */
		const double *og = at(&s, t, l - 1, SO), *tc = at(&s, t, l - 1, STC);
		double *pr = &prob[(size_t)t * b], se = 0;
		for (int i = 0; i < b; i++) {
			in[i] = og[i] * tc[i] * w2[b + i] + w2[2 * b + i];
			se += pr[i] = exp(in[i]);
		}
		double lse = log(se + 2);
		const double *next = &sequence[(t + 1) * b];
		for (int i = 0; i < b; i++) {
			total += next[i] * (in[i] - lse);
			pr[i] /= se + 2;
		}
	}
	double loss = -total / ((c - 1) * b);

	/* ---- backward ---- */
	memset(main_paramsb, 0, 8 * (size_t)l * b * sizeof(double));
	memset(extra_paramsb, 0, 3 * (size_t)b * sizeof(double));
	double totalb = -1.0 / ((c - 1) * b);
	for (int t = c - 2; t >= 0; t--) {
		const double *next = &sequence[(t + 1) * b];
		const double *pr = &prob[(size_t)t * b];
		const double *ogt = at(&s, t, l - 1, SO), *tct = at(&s, t, l - 1, STC);
		double sn = 0;
		for (int i = 0; i < b; i++)
			sn += next[i];
		for (int i = 0; i < b; i++) {
			double yb = totalb * (next[i] - pr[i] * sn);
			w2b[b + i] += yb * ogt[i] * tct[i];
			w2b[2 * b + i] += yb;
			hb[(l - 1) * b + i] += yb * w2[b + i];
		}
		for (int j = l - 1; j >= 0; j--) {
			const double *w = &main_params[8 * b * j];
			double *wb = &main_paramsb[8 * b * j], *biasb = wb + 4 * b;
			const double *cp = inputs(&s, t, j, in, hp);
			const double *f = at(&s, t, j, SF), *ig = at(&s, t, j, SI);
			const double *og = at(&s, t, j, SO), *ch = at(&s, t, j, SC);
			const double *tc = at(&s, t, j, STC);
			double *h = &hb[j * b], *cc = &cb[j * b];
			for (int i = 0; i < b; i++) {
				double ogb = h[i] * tc[i];
				double cnb = cc[i] + h[i] * og[i] * (1 - tc[i] * tc[i]);
				double af = cnb * cp[i] * f[i] * (1 - f[i]);
				double ai = cnb * ch[i] * ig[i] * (1 - ig[i]);
				double ao = ogb * og[i] * (1 - og[i]);
				double ac = cnb * ig[i] * (1 - ch[i] * ch[i]);
				wb[i] += af * in[i], biasb[i] += af;
				wb[b + i] += ai * hp[i], biasb[b + i] += ai;
				wb[2 * b + i] += ao * in[i], biasb[2 * b + i] += ao;
				wb[3 * b + i] += ac * hp[i], biasb[3 * b + i] += ac;
				double inb = af * w[i] + ao * w[2 * b + i];
				h[i] = ai * w[b + i] + ac * w[3 * b + i];  /* previous hidden */
				cc[i] = cnb * f[i];                        /* previous cell */
				if (j > 0)
					hb[(j - 1) * b + i] += inb;
				else
					w2b[i] += inb * sequence[t * b + i];
			}
		}
	}

	free(s.sv);
	free(in);
	free(hp);
	free(hb);
	free(cb);
	return loss;
}

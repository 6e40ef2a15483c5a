/* mlp_bench.c — data and adapters for mlp.c: 784-128-128-10, tanh, softmax
 * cross-entropy, batch 64.  p = [w1 | b1 | w2 | b2 | w3 | b3].  The reverse
 * modes differentiate the loss (a gradient): mlp_hand.c and adcc's
 * mlp_loss_grad. */
#include <math.h>
#include <stddef.h>
#include "bench.h"
#include "out/mlp_d.h"
#ifdef HAVE_VECTOR
#include "out/mlp_dv.h"
#endif
#ifdef HAVE_REVERSE
#include "out/mlp_b.h"
#endif

enum { B = 64, I = 784, H1 = 128, H2 = 128, C = 10 };
enum {
	OW1 = 0, OB1 = OW1 + H1 * I, OW2 = OB1 + H1, OB2 = OW2 + H2 * H1,
	OW3 = OB2 + H2, OB3 = OW3 + C * H2, NP = OB3 + C
};

double mlp_loss(int nb, int ni, int nh1, int nh2, int nc, const double *x,
	const int *y, const double *w1, const double *b1, const double *w2,
	const double *b2, const double *w3, const double *b3);
double mlp_hand_grad(int nb, int ni, int nh1, int nh2, int nc,
	const double *x, const int *y, const double *w1, const double *b1,
	const double *w2, const double *b2, const double *w3, const double *b3,
	double *w1b, double *b1b, double *w2b, double *b2b, double *w3b,
	double *b3b);
size_t mlp_hand_saved(int nb, int nh1, int nh2, int nc);

static double x[B * I];
static int y[B];

static void fill(double *w, int n, int fan_in)
{
	double s = 2 / sqrt(fan_in);
	for (int i = 0; i < n; i++)
		w[i] = s * (bench_unif() - 0.5);
}

static void setup(double *p)
{
	for (int i = 0; i < B * I; i++)
		x[i] = bench_unif();
	for (int b = 0; b < B; b++)
		y[b] = (int)(C * bench_unif());
	fill(p + OW1, H1 * I, I);
	fill(p + OB1, H1, I);
	fill(p + OW2, H2 * H1, H1);
	fill(p + OB2, H2, H1);
	fill(p + OW3, C * H2, H2);
	fill(p + OB3, C, H2);
}

static double primal(const double *p)
{
	return mlp_loss(B, I, H1, H2, C, x, y, p + OW1, p + OB1, p + OW2,
		p + OB2, p + OW3, p + OB3);
}

static double tangent(const double *p, const double *pd, double *yd)
{
	return mlp_loss_d(B, I, H1, H2, C, x, y, p + OW1, pd + OW1, p + OB1,
		pd + OB1, p + OW2, pd + OW2, p + OB2, pd + OB2, p + OW3,
		pd + OW3, p + OB3, pd + OB3, yd);
}

#ifdef HAVE_VECTOR
static double vec(const double *p, const double *pd, double *yd, int nd)
{
	return mlp_loss_dv(B, I, H1, H2, C, x, y, p + OW1, pd + OW1 * nd,
		p + OB1, pd + OB1 * nd, p + OW2, pd + OW2 * nd, p + OB2,
		pd + OB2 * nd, p + OW3, pd + OW3 * nd, p + OB3, pd + OB3 * nd,
		yd, nd);
}
#else
#define vec NULL
#endif

static double hand(const double *p, double *g)
{
	return mlp_hand_grad(B, I, H1, H2, C, x, y, p + OW1, p + OB1, p + OW2,
		p + OB2, p + OW3, p + OB3, g + OW1, g + OB1, g + OW2, g + OB2,
		g + OW3, g + OB3);
}

static size_t hand_saved(void)
{
	return mlp_hand_saved(B, H1, H2, C);
}

#ifdef HAVE_REVERSE
/* F_grad overwrites the gradient */
static double adcc_rev(const double *p, double *g)
{
	return mlp_loss_grad(B, I, H1, H2, C, x, y, p + OW1, g + OW1, p + OB1,
		g + OB1, p + OW2, g + OW2, p + OB2, g + OB2, p + OW3, g + OW3,
		p + OB3, g + OB3);
}
#else
#define adcc_rev NULL
#endif

static const int arrays[] = { OW1, OB1, OW2, OB2, OW3, OB3, NP };

const Bench bench_mlp = {
	.name = "MLP",
	.what = "MLP 784-128-128-10, tanh hidden layers, softmax cross-entropy, "
		"batch 64; inputs all weights and biases",
	.n = NP, .setup = setup, .primal = primal, .tangent = tangent,
	.vector = vec,
	.nout = 1, .nder = NP, .arrays = arrays,
	.hand = hand, .hand_saved = hand_saved, .adcc = adcc_rev, .grad_target = 3,
};

/* lstm_bench.c — data and adapters for lstm.c at the size of ADBench's
 * smallest LSTM instance (lstm_l2_c1024: 2 layers, 1024 characters of
 * 14 bits, so 14 units per layer).  p = [main_params (8*l*b) |
 * extra_params (3*b)].  Parameters and state are uniform in [0, 1), as
 * ADBench's generator makes them; the characters are random 14-bit codes.
 * The reverse modes differentiate the loss (a gradient): lstm_hand.c and
 * adcc's lstm_objective_grad. */
#include <stddef.h>
#include "bench.h"
#include "out/lstm_d.h"
#ifdef HAVE_VECTOR
#include "out/lstm_dv.h"
#endif
#ifdef HAVE_REVERSE
#include "out/lstm_b.h"
#endif

enum { L = 2, C = 1024, B = 14 };
enum { OM = 0, OE = 8 * L * B, NP = 8 * L * B + 3 * B };

double lstm_objective(int l, int c, int b, const double *main_params,
	const double *extra_params, const double *state,
	const double *sequence);
double lstm_hand_grad(int l, int c, int b, const double *main_params,
	const double *extra_params, const double *state, const double *sequence,
	double *main_paramsb, double *extra_paramsb);
size_t lstm_hand_saved(int l, int c, int b);

static double state[2 * L * B];
static double sequence[C * B];

static void setup(double *p)
{
	for (int i = 0; i < NP; i++)
		p[i] = bench_unif();
	for (int i = 0; i < 2 * L * B; i++)
		state[i] = bench_unif();
	for (int t = 0; t < C; t++) {
		int code = (int)((1 << B) * bench_unif());
		for (int i = 0; i < B; i++)
			sequence[t * B + i] = (code >> i) & 1;
	}
}

static double primal(const double *p)
{
	return lstm_objective(L, C, B, p + OM, p + OE, state, sequence);
}

static double tangent(const double *p, const double *pd, double *yd)
{
	return lstm_objective_d(L, C, B, p + OM, pd + OM, p + OE, pd + OE,
		state, sequence, yd);
}

#ifdef HAVE_VECTOR
static double vec(const double *p, const double *pd, double *yd, int nd)
{
	return lstm_objective_dv(L, C, B, p + OM, pd + OM * nd, p + OE,
		pd + OE * nd, state, sequence, yd, nd);
}
#else
#define vec NULL
#endif

static double hand(const double *p, double *g)
{
	return lstm_hand_grad(L, C, B, p + OM, p + OE, state, sequence, g + OM,
		g + OE);
}

static size_t hand_saved(void)
{
	return lstm_hand_saved(L, C, B);
}

#ifdef HAVE_REVERSE
/* F_grad overwrites the gradient */
static double adcc_rev(const double *p, double *g)
{
	return lstm_objective_grad(L, C, B, p + OM, g + OM, p + OE, g + OE,
		state, sequence);
}
#else
#define adcc_rev NULL
#endif

/* each layer's weights and biases, then extra_params */
static const int arrays[] = { 0, 4 * B, 8 * B, 12 * B, OE, NP };

const Bench bench_lstm = {
	.name = "LSTM",
	.what = "ADBench LSTM (diagonal weights, ADBench's logsumexp + 2), "
		"2 layers, 14 units, 1024 characters; inputs main_params, "
		"extra_params",
	.n = NP, .setup = setup, .primal = primal, .tangent = tangent,
	.vector = vec,
	.nout = 1, .nder = NP, .arrays = arrays,
	.hand = hand, .hand_saved = hand_saved, .adcc = adcc_rev, .grad_target = 5,
};

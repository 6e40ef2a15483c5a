/* ode_bench.c — data and adapters for ode.c: 16 species, 2000 RK4 steps of
 * h = 0.01.  p = [u0 (n) | r (n) | a (n*n)].  Reverse mode: adcc's
 * ode_loss_grad only (no hand-written adjoint). */
#include <stddef.h>
#include "bench.h"
#include "out/ode_d.h"
#ifdef HAVE_VECTOR
#include "out/ode_dv.h"
#endif
#ifdef HAVE_REVERSE
#include "out/ode_b.h"
#endif

enum { NS = 16, STEPS = 2000 };
enum { OU = 0, OR = NS, OA = 2 * NS, NP = 2 * NS + NS * NS };
static const double h = 0.01;

double ode_loss(int n, int nsteps, double h, const double *u0,
	const double *r, const double *a, const double *target);

static double target[NS];

static void setup(double *p)
{
	for (int i = 0; i < NS; i++) {
		p[OU + i] = 0.5 + 0.5 * bench_unif();
		p[OR + i] = 0.5 + 0.5 * bench_unif();
		target[i] = 0.5 + 0.5 * bench_unif();
	}
	for (int i = 0; i < NS; i++)
		for (int j = 0; j < NS; j++)
			p[OA + i * NS + j] = i == j ? -1 :
				0.4 * (bench_unif() - 0.5) / NS;
}

static double primal(const double *p)
{
	return ode_loss(NS, STEPS, h, p + OU, p + OR, p + OA, target);
}

static double tangent(const double *p, const double *pd, double *yd)
{
	return ode_loss_d(NS, STEPS, h, p + OU, pd + OU, p + OR, pd + OR,
		p + OA, pd + OA, target, yd);
}

#ifdef HAVE_VECTOR
static double vec(const double *p, const double *pd, double *yd, int nd)
{
	return ode_loss_dv(NS, STEPS, h, p + OU, pd + OU * nd, p + OR,
		pd + OR * nd, p + OA, pd + OA * nd, target, yd, nd);
}
#else
#define vec NULL
#endif

#ifdef HAVE_REVERSE
/* F_grad overwrites the gradient */
static double adcc_rev(const double *p, double *g)
{
	return ode_loss_grad(NS, STEPS, h, p + OU, g + OU, p + OR, g + OR,
		p + OA, g + OA, target);
}
#else
#define adcc_rev NULL
#endif

static const int arrays[] = { OU, OR, OA, NP };

const Bench bench_ode = {
	.name = "ODE",
	.what = "RK4 on generalised Lotka-Volterra, 16 species, 2000 steps, "
		"loss = |u(T) - target|^2; inputs u0, r, A",
	.n = NP, .setup = setup, .primal = primal, .tangent = tangent,
	.vector = vec,
	.nout = 1, .nder = NP, .arrays = arrays, .adcc = adcc_rev,
};

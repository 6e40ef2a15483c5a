/* gmm_bench.c — data and adapters for gmm.c (ADBench GMM, full covariance)
 * at two of ADBench's sizes: D=10 and D=64, both K=25, N=1000.
 * p = [alphas (K) | means (K*D) | icf (K*D(D+1)/2)].  The reverse modes
 * differentiate err (a gradient): gmm_hand.c and adcc's gmm_objective_b
 * with the seed errb = 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"
#include "out/gmm_d.h"
#ifdef HAVE_VECTOR
#include "out/gmm_dv.h"
#endif
#ifdef HAVE_REVERSE
#include "out/gmm_b.h"
#endif

void gmm_objective(int d, int k, int n, const double *alphas,
	const double *means, const double *icf, const double *x,
	double wgamma, int wm, double *err);
double gmm_hand_grad(int d, int k, int n, const double *alphas,
	const double *means, const double *icf, const double *x, double wgamma,
	int wm, double *alphasb, double *meansb, double *icfb);
size_t gmm_hand_saved(int d, int k, int n);

/* one instance: sizes and data points x[n*d]; offsets of alphas, means,
 * icf in p */
typedef struct {
	int d, k, n;
	double *x;
} Gmm;

#define K 25
#define N 1000
#define NP(d) (K + K * (d) + K * ((d) * ((d) + 1) / 2))
static Gmm g10 = { 10, K, N, NULL }, g64 = { 64, K, N, NULL };
static const double wgamma = 1.0;
static const int wm = 0;

static int om(const Gmm *g) { return g->k; }
static int oi(const Gmm *g) { return g->k + g->k * g->d; }

static void setup(Gmm *g, double *p)
{
	int d = g->d, k = g->k, icf = d * (d + 1) / 2;
	g->x = malloc((size_t)g->n * d * sizeof(double));
	if (!g->x) {
		fprintf(stderr, "bench: out of memory\n");
		exit(1);
	}
	for (int i = 0; i < g->n * d; i++)
		g->x[i] = bench_unif();
	for (int i = 0; i < k; i++)
		p[i] = bench_unif();
	for (int i = 0; i < k * d; i++)
		p[om(g) + i] = bench_unif();
	for (int i = 0; i < k * icf; i++)
		p[oi(g) + i] = 0.5 * bench_unif();
}

static double primal(const Gmm *g, const double *p)
{
	double err;
	gmm_objective(g->d, g->k, g->n, p, p + om(g), p + oi(g), g->x, wgamma,
		wm, &err);
	return err;
}

static double tangent(const Gmm *g, const double *p, const double *pd,
	double *yd)
{
	double err;
	gmm_objective_d(g->d, g->k, g->n, p, pd, p + om(g), pd + om(g),
		p + oi(g), pd + oi(g), g->x, wgamma, wm, &err, yd);
	return err;
}

#ifdef HAVE_VECTOR
static double vector(const Gmm *g, const double *p, const double *pd,
	double *yd, int nd)
{
	double err;
	gmm_objective_dv(g->d, g->k, g->n, p, pd, p + om(g), pd + om(g) * nd,
		p + oi(g), pd + oi(g) * nd, g->x, wgamma, wm, &err, yd, nd);
	return err;
}
#endif

static double hand(const Gmm *g, const double *p, double *gr)
{
	return gmm_hand_grad(g->d, g->k, g->n, p, p + om(g), p + oi(g), g->x,
		wgamma, wm, gr, gr + om(g), gr + oi(g));
}

#ifdef HAVE_REVERSE
/* F_b accumulates into the input adjoints: zero them, seed errb = 1 */
static double adcc(const Gmm *g, const double *p, double *gr)
{
	double err, errb = 1;
	memset(gr, 0, NP(g->d) * sizeof(double));
	gmm_objective_b(g->d, g->k, g->n, p, gr, p + om(g), gr + om(g),
		p + oi(g), gr + oi(g), g->x, wgamma, wm, &err, &errb);
	return err;
}
#endif

/* the adapters of each instance */
static void setup10(double *p) { setup(&g10, p); }
static void setup64(double *p) { setup(&g64, p); }
static double primal10(const double *p) { return primal(&g10, p); }
static double primal64(const double *p) { return primal(&g64, p); }
static double tangent10(const double *p, const double *pd, double *yd)
{ return tangent(&g10, p, pd, yd); }
static double tangent64(const double *p, const double *pd, double *yd)
{ return tangent(&g64, p, pd, yd); }
#ifdef HAVE_VECTOR
static double vector10(const double *p, const double *pd, double *yd, int nd)
{ return vector(&g10, p, pd, yd, nd); }
static double vector64(const double *p, const double *pd, double *yd, int nd)
{ return vector(&g64, p, pd, yd, nd); }
#else
#define vector10 NULL
#define vector64 NULL
#endif
static double hand10(const double *p, double *gr) { return hand(&g10, p, gr); }
static double hand64(const double *p, double *gr) { return hand(&g64, p, gr); }
static size_t saved10(void) { return gmm_hand_saved(g10.d, g10.k, g10.n); }
static size_t saved64(void) { return gmm_hand_saved(g64.d, g64.k, g64.n); }
#ifdef HAVE_REVERSE
static double adcc10(const double *p, double *gr) { return adcc(&g10, p, gr); }
static double adcc64(const double *p, double *gr) { return adcc(&g64, p, gr); }
#else
#define adcc10 NULL
#define adcc64 NULL
#endif

static const int arrays10[] = { 0, K, K + K * 10, NP(10) };
static const int arrays64[] = { 0, K, K + K * 64, NP(64) };

const Bench bench_gmm = {
	.name = "GMM",
	.what = "ADBench GMM, full covariance (log-Cholesky), Wishart prior; "
		"D=10, K=25, N=1000; inputs alphas, means, icf",
	.n = NP(10), .setup = setup10, .primal = primal10,
	.tangent = tangent10, .vector = vector10,
	.nout = 1, .nder = NP(10), .arrays = arrays10,
	.hand = hand10, .hand_saved = saved10, .adcc = adcc10, .grad_target = 3,
};

const Bench bench_gmm64 = {
	.name = "GMM-64",
	.what = "the same with D=64, K=25, N=1000",
	.n = NP(64), .setup = setup64, .primal = primal64,
	.tangent = tangent64, .vector = vector64,
	.nout = 1, .nder = NP(64), .arrays = arrays64,
	.hand = hand64, .hand_saved = saved64, .adcc = adcc64, .grad_target = 3,
};

/* bench.h — what the benchmark driver (driver.c) knows about a benchmark.
 *
 * Every benchmark's active inputs live in one flat vector p[n] (its arrays
 * back to back), so the driver can make directions, perturb for finite
 * differences and check any mode without knowing the objective.  A
 * benchmark file (gmm_bench.c, …) builds its data in setup() and adapts
 * each generated function (and the hand-written adjoint) to the flat
 * calling convention below; a NULL entry means that mode is not built
 * (e.g. no --vector in this adcc).
 * Adding a mode: a field here, an adapter in each *_bench.c, a row in the
 * driver's mode table (and a column in one of its tables).
 */
#ifndef BENCH_H
#define BENCH_H

#include <stddef.h>

typedef struct {
	const char *name;   /* table row */
	const char *what;   /* objective and sizes, printed under the table */
	int n;              /* number of active inputs: length of p */
	/* build the data (once) and write the point of evaluation to p[n] */
	void (*setup)(double *p);
	/* the objective at p */
	double (*primal)(const double *p);
	/* F_d: returns the objective, *yd = its derivative along pd[n] */
	double (*tangent)(const double *p, const double *pd, double *yd);
	/* F_dv: returns the objective, yd[k] = derivative along direction k,
	 * pd[i*nd + k] (k < nd) */
	double (*vector)(const double *p, const double *pd, double *yd, int nd);

	/* ---- reverse mode ----
	 * The reverse modes differentiate nout outputs: the objective itself
	 * (nout = 1: a gradient), or a vector of residuals (BA: a Jacobian, one
	 * reverse sweep per residual).  A derivative is nder doubles in the
	 * benchmark's own layout (the gradient, or BA's 2 x 14 blocks). */
	int nout, nder;
	/* y[nout] = the outputs; NULL: y[0] = primal(p) (timed as "outputs") */
	void (*outputs)(const double *p, double *y);
	/* y[nout] = the outputs, yd[nout] = their derivatives along pd[n],
	 * from adcc's F_d; NULL: y[0], yd[0] from tangent() */
	void (*outputs_d)(const double *p, const double *pd, double *y,
		double *yd);
	/* out[nout] = der . v for a direction v[n]; NULL: out[0] = <der, v> */
	void (*apply)(const double *der, const double *v, double *out);
	/* where each input array starts in p, then n: a derivative is also
	 * checked array by array (NULL: p is one array) */
	const int *arrays;
	/* directions v[n] (k < nprobe) that check a derivative completely, if
	 * the benchmark has such (BA: one per column of the 2 x 14 blocks);
	 * NULL: unit vectors at sampled entries */
	int nprobe;
	void (*probe)(int k, double *v);
	/* the hand-written adjoint: returns primal(p), der[nder] = derivative */
	double (*hand)(const double *p, double *der);
	/* bytes that the hand-written adjoint's forward pass saves for its
	 * backward pass */
	size_t (*hand_saved)(void);
	/* adcc's F_grad or F_b, same contract (NULL: not in this adcc) */
	double (*adcc)(const double *p, double *der);
	double grad_target;  /* target of adcc / outputs time; 0: none */
} Bench;

extern const Bench bench_gmm, bench_gmm64, bench_mlp, bench_lstm, bench_ba,
	bench_ode;

/* deterministic uniform numbers in [0, 1), the same on every platform */
double bench_unif(void);
/* copies of x[n] into a fresh block (freed at exit by the OS) */
double *bench_dup(const double *x, int n);

#endif

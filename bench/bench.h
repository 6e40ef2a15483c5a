/* bench.h — what the benchmark driver (driver.c) knows about a benchmark.
 *
 * Every benchmark's active inputs live in one flat vector p[n] (its arrays
 * back to back), so the driver can make directions, perturb for finite
 * differences and check any mode without knowing the objective.  A
 * benchmark file (gmm_bench.c, …) builds its data in setup() and adapts
 * each generated function to the flat calling convention below; a NULL
 * entry means that mode is not built (e.g. no --vector in this adcc).
 * Adding a mode: a field here, an adapter in each *_bench.c, a row in the
 * driver's mode table (and a column in its ratio table).
 */
#ifndef BENCH_H
#define BENCH_H

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
} Bench;

extern const Bench bench_gmm, bench_mlp, bench_ba, bench_ode;

/* deterministic uniform numbers in [0, 1), the same on every platform */
double bench_unif(void);
/* copies of x[n] into a fresh block (freed at exit by the OS) */
double *bench_dup(const double *x, int n);

#endif

/* driver.c — runs every benchmark: checks each derivative, then times each
 * mode and prints a Markdown table of ratios on stdout (progress on stderr).
 *
 * Checks, before any timing, failing with exit status 1:
 *   F_d    returns the primal value, and its tangent along a random
 *          direction matches central finite differences;
 *   F_dv   (for each nd timed) returns the primal value, and column k
 *          matches F_d along direction k.
 * Timing: a measurement runs one mode `reps` times, with reps calibrated so
 * that it takes >= MIN_SECONDS; ROUNDS rounds measure every mode in turn
 * (interleaved, so slow drift of the machine hits all modes alike) and
 * each mode keeps the median of its rounds.
 * To add a mode: a row in `modes` (how to call it, whether a benchmark has
 * it, how to check it) and the columns that use it in `ratios`.
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bench.h"

#define MIN_SECONDS 0.2
#define ROUNDS 7
#define MAXND 32

static const Bench *benches[] = { &bench_gmm, &bench_mlp, &bench_ba, &bench_ode };
enum { NBENCH = sizeof benches / sizeof benches[0] };

/* ---- deterministic data ---- */

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;

double bench_unif(void)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;  /* xorshift64 */
	return (rng >> 11) * (1.0 / 9007199254740992.0);
}

double *bench_dup(const double *x, int n)
{
	double *y = malloc(n * sizeof *y);
	if (!y) {
		fprintf(stderr, "bench: out of memory\n");
		exit(1);
	}
	memcpy(y, x, n * sizeof *y);
	return y;
}

/* ---- modes ---- */

typedef struct {
	const Bench *b;
	double *p;       /* point, n */
	double *pd;      /* directions, n * MAXND, layout pd[i*nd + k] */
	double yd[MAXND];
} Work;

static volatile double sink;  /* keeps results alive */

typedef struct {
	const char *name;
	int nd;                            /* directions per call */
	int (*has)(const Bench *);
	void (*run)(Work *, int nd);       /* one call */
	void (*check)(Work *, int nd);     /* exits on a wrong derivative */
} Mode;

static int has_all(const Bench *b) { (void)b; return 1; }
static int has_vector(const Bench *b) { return b->vector != NULL; }

static void run_primal(Work *w, int nd)
{
	(void)nd;
	sink = w->b->primal(w->p);
}

static void run_tangent(Work *w, int nd)
{
	(void)nd;
	sink = w->b->tangent(w->p, w->pd, w->yd);
}

static void run_vector(Work *w, int nd)
{
	sink = w->b->vector(w->p, w->pd, w->yd, nd);
}

static void fail(const Work *w, const char *what, double got, double want)
{
	fprintf(stderr, "bench: %s: %s is WRONG: %.17g, expected %.17g\n",
		w->b->name, what, got, want);
	exit(1);
}

static int near(double a, double b, double rtol, double atol)
{
	return fabs(a - b) <= rtol * fmax(fabs(a), fabs(b)) + atol;
}

/* (f(p + h d) - f(p - h d)) / 2h */
static double central(const Bench *b, const double *p, const double *d,
	double h)
{
	double *q = bench_dup(p, b->n);
	for (int i = 0; i < b->n; i++)
		q[i] = p[i] + h * d[i];
	double fp = b->primal(q);
	for (int i = 0; i < b->n; i++)
		q[i] = p[i] - h * d[i];
	double fm = b->primal(q);
	free(q);
	return (fp - fm) / (2 * h);
}

/* F_d along pd[0..n) against central differences of the primal */
static void check_tangent(Work *w, int nd)
{
	const Bench *b = w->b;
	(void)nd;
	double f = b->primal(w->p), yd;
	double fv = b->tangent(w->p, w->pd, &yd);
	if (!near(fv, f, 1e-12, 0))
		fail(w, "value returned by F_d", fv, f);
	/* Richardson-extrapolated central differences, O(h^4) truncation */
	double h = 1e-5;
	double fd = (4 * central(b, w->p, w->pd, h / 2) -
		central(b, w->p, w->pd, h)) / 3;
	/* rounding in fd is O(eps |f| / h) */
	if (!near(yd, fd, 1e-6, 1e-8 * fabs(f)))
		fail(w, "F_d against finite differences", yd, fd);
	fprintf(stderr, "  %-4s F_d ok: %.10g (finite differences %.10g)\n",
		b->name, yd, fd);
}

/* F_dv with nd directions against nd calls of F_d */
static void check_vector(Work *w, int nd)
{
	const Bench *b = w->b;
	double f = b->primal(w->p);
	double fv = b->vector(w->p, w->pd, w->yd, nd);
	if (!near(fv, f, 1e-12, 0))
		fail(w, "value returned by F_dv", fv, f);
	double *dk = malloc(b->n * sizeof *dk);
	for (int k = 0; k < nd; k++) {
		double yd;
		for (int i = 0; i < b->n; i++)
			dk[i] = w->pd[i * nd + k];
		b->tangent(w->p, dk, &yd);
		if (!near(w->yd[k], yd, 1e-10, 1e-14))
			fail(w, "F_dv column against F_d", w->yd[k], yd);
	}
	free(dk);
	fprintf(stderr, "  %-4s F_dv ok for nd=%d\n", b->name, nd);
}

static const Mode modes[] = {
	/* name        nd  has         run          check */
	{ "primal",     1, has_all,    run_primal,  NULL },
	{ "F_d",        1, has_all,    run_tangent, check_tangent },
	{ "F_dv(8)",    8, has_vector, run_vector,  check_vector },
	{ "F_dv(32)",  32, has_vector, run_vector,  check_vector },
};
enum { NMODE = sizeof modes / sizeof modes[0] };

/* ---- table columns: time(num) / (mult * nd(den) * time(den)) ---- */

typedef struct {
	const char *head;
	const char *num, *den;  /* mode names */
	double target;          /* 0: none */
} Ratio;

static const Ratio ratios[] = {
	{ "F_d / primal",              "F_d",      "primal", 2.0 },
	{ "F_dv(8) / 8 F_d",           "F_dv(8)",  "F_d",    0 },
	{ "F_dv(32) / 32 F_d",         "F_dv(32)", "F_d",    0.5 },
	{ "F_dv(32) / 32 primal",      "F_dv(32)", "primal", 0 },
};
enum { NRATIO = sizeof ratios / sizeof ratios[0] };

static int mode_index(const char *name)
{
	for (int m = 0; m < NMODE; m++)
		if (!strcmp(modes[m].name, name))
			return m;
	fprintf(stderr, "bench: no mode %s\n", name);
	exit(2);
}

/* ---- timing ---- */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static double timed(Work *w, const Mode *m, long reps)
{
	double t0 = now();
	for (long r = 0; r < reps; r++)
		m->run(w, m->nd);
	return now() - t0;
}

static long calibrate(Work *w, const Mode *m)
{
	long reps = 1;
	for (;;) {
		double t = timed(w, m, reps);
		if (t >= MIN_SECONDS)
			return reps;
		double grow = t > 0 ? 1.25 * MIN_SECONDS / t : 100;
		reps = (long)ceil(reps * fmin(fmax(grow, 1.5), 100));
	}
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* ---- main ---- */

/* Runs every benchmark, or those named on the command line (out/bench BA). */
int main(int argc, char **argv)
{
	double t[NBENCH][NMODE];   /* seconds per call, median; < 0: absent */
	int run[NBENCH];
	for (int bi = 0; bi < NBENCH; bi++) {
		run[bi] = argc == 1;
		for (int a = 1; a < argc; a++)
			run[bi] |= !strcmp(argv[a], benches[bi]->name);
	}
	for (int bi = 0; bi < NBENCH; bi++) {
		const Bench *b = benches[bi];
		if (!run[bi])
			continue;
		Work w = { b, malloc(b->n * sizeof(double)),
			malloc((size_t)b->n * MAXND * sizeof(double)), { 0 } };
		b->setup(w.p);
		for (long i = 0; i < (long)b->n * MAXND; i++)
			w.pd[i] = 2 * bench_unif() - 1;
		fprintf(stderr, "%s: %d inputs\n", b->name, b->n);
		for (int m = 0; m < NMODE; m++)
			if (modes[m].has(b) && modes[m].check)
				modes[m].check(&w, modes[m].nd);
		long reps[NMODE];
		double samples[NMODE][ROUNDS];
		for (int m = 0; m < NMODE; m++)
			reps[m] = modes[m].has(b) ? calibrate(&w, &modes[m]) : 0;
		for (int r = 0; r < ROUNDS; r++)
			for (int m = 0; m < NMODE; m++)
				if (reps[m])
					samples[m][r] = timed(&w, &modes[m], reps[m]) / reps[m];
		for (int m = 0; m < NMODE; m++) {
			t[bi][m] = -1;
			if (!reps[m])
				continue;
			qsort(samples[m], ROUNDS, sizeof(double), cmp);
			t[bi][m] = samples[m][ROUNDS / 2];
			fprintf(stderr, "  %-4s %-9s %10.4f ms  (%ld calls x %d rounds)\n",
				b->name, modes[m].name, 1e3 * t[bi][m], reps[m], ROUNDS);
		}
		free(w.p);
		free(w.pd);
	}

	printf("| benchmark | inputs | primal (ms) |");
	for (int c = 0; c < NRATIO; c++)
		printf(" %s |", ratios[c].head);
	printf("\n|---|--:|--:|");
	for (int c = 0; c < NRATIO; c++)
		printf("--:|");
	printf("\n| *target* | | |");
	for (int c = 0; c < NRATIO; c++)
		if (ratios[c].target > 0)
			printf(" *≤ %g* |", ratios[c].target);
		else
			printf(" |");
	printf("\n");
	for (int bi = 0; bi < NBENCH; bi++) {
		if (!run[bi])
			continue;
		printf("| %s | %d | %.3f |", benches[bi]->name, benches[bi]->n,
			1e3 * t[bi][mode_index("primal")]);
		for (int c = 0; c < NRATIO; c++) {
			int mn = mode_index(ratios[c].num), md = mode_index(ratios[c].den);
			double tn = t[bi][mn], td = t[bi][md];
			if (tn < 0 || td < 0) {
				printf(" n/a |");
				continue;
			}
			double v = tn / ((double)modes[mn].nd / modes[md].nd * td);
			const char *mark = ratios[c].target <= 0 ? "" :
				v <= ratios[c].target ? " ✓" : " ✗";
			printf(" %.2f%s |", v, mark);
		}
		printf("\n");
	}
	printf("\n");
	for (int bi = 0; bi < NBENCH; bi++)
		if (run[bi])
			printf("- **%s**: %s.\n", benches[bi]->name, benches[bi]->what);
	return 0;
}

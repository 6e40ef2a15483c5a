/* driver.c — runs every benchmark: checks each derivative, then times each
 * mode and prints two Markdown tables on stdout (progress on stderr): the
 * tangent modes, and the reverse modes with their memory.
 *
 * Checks, before any timing, failing with exit status 1:
 *   F_d    returns the primal value, and its tangent along a random
 *          direction matches central finite differences;
 *   F_dv   (for each nd timed) returns the primal value, and column k
 *          matches F_d along direction k;
 *   hand, adcc (reverse: a gradient, or BA's Jacobian) return the primal
 *          value; the derivative applied to a set of directions (random,
 *          random within each input array, unit vectors or the benchmark's
 *          probes: see checks_init) matches F_d along them (relative 1e-8),
 *          and along one of them central finite differences; adcc's also
 *          matches the hand-written one entry by entry and leaves the tape
 *          empty.  adcc's peak tape bytes are measured in its checking call.
 * Timing: a measurement runs one mode `reps` times, with reps calibrated so
 * that it takes >= MIN_SECONDS; ROUNDS rounds measure every mode in turn
 * (interleaved, so slow drift of the machine hits all modes alike) and
 * each mode keeps the median of its rounds.
 * To add a mode: a row in `modes` (how to call it, whether a benchmark has
 * it, how to check it) and the columns that use it in `fwd_cols` or
 * `rev_cols`.
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "adcc_rt.h"
#include "bench.h"

#define MIN_SECONDS 0.2
#define ROUNDS 7
#define MAXND 32
#define NDIR 3   /* random directions that check a reverse-mode derivative */

static const Bench *benches[] = {
	&bench_gmm, &bench_gmm64, &bench_mlp, &bench_lstm, &bench_ba, &bench_ode,
};
enum { NBENCH = sizeof benches / sizeof benches[0] };


/* ---- deterministic data ---- */

#define SEED 0x9E3779B97F4A7C15ULL
static unsigned long long rng = SEED;  /* reset before each setup() */

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
	int ndir, first_seg, first_probe;
	int *unit;     /* index of unit direction k - first_probe */
	double *ref;   /* ref[k*nout + j]: F_d of output j along direction k */
} Checks;         /* see checks_init() */

typedef struct {
	const Bench *b;
	double *p;       /* point, n */
	double *pd;      /* directions, n * MAXND, layout pd[i*nd + k] */
	double yd[MAXND];
	double *y;       /* outputs, nout */
	double *der;     /* a reverse-mode derivative, nder */
	Checks chk;      /* its check directions, made by the first check */
	double tape;     /* adcc's peak tape bytes (values + snapshots), or -1 */
} Work;

static volatile double sink;  /* keeps results alive */

typedef struct {
	const char *name;
	int nd;                            /* directions per call */
	int (*has)(const Bench *);
	void (*run)(Work *, int nd);       /* one call */
	void (*check)(Work *, int nd);     /* exits on a wrong derivative */
	const char *same_as;  /* a benchmark without this mode uses that time */
} Mode;

static int has_all(const Bench *b) { (void)b; return 1; }
static int has_vector(const Bench *b) { return b->vector != NULL; }
static int has_outputs(const Bench *b) { return b->outputs != NULL; }
static int has_hand(const Bench *b) { return b->hand != NULL; }
static int has_adcc(const Bench *b) { return b->adcc != NULL; }

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

static void run_outputs(Work *w, int nd)
{
	(void)nd;
	w->b->outputs(w->p, w->y);
	sink = w->y[0];
}

static void run_hand(Work *w, int nd)
{
	(void)nd;
	sink = w->b->hand(w->p, w->der);
}

static void run_adcc(Work *w, int nd)
{
	(void)nd;
	sink = w->b->adcc(w->p, w->der);
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

static double *alloc(size_t n)
{
	double *x = malloc((n ? n : 1) * sizeof *x);
	if (!x) {
		fprintf(stderr, "bench: out of memory\n");
		exit(1);
	}
	return x;
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
	fprintf(stderr, "  %-6s F_d ok: %.10g (finite differences %.10g)\n",
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
	double *dk = alloc(b->n);
	for (int k = 0; k < nd; k++) {
		double yd;
		for (int i = 0; i < b->n; i++)
			dk[i] = w->pd[i * nd + k];
		b->tangent(w->p, dk, &yd);
		if (!near(w->yd[k], yd, 1e-10, 1e-14))
			fail(w, "F_dv column against F_d", w->yd[k], yd);
	}
	free(dk);
	fprintf(stderr, "  %-6s F_dv ok for nd=%d\n", b->name, nd);
}

/* ---- reverse-mode checks ---- */

/* y[nout] = the outputs the reverse modes differentiate */
static void outputs(const Bench *b, const double *p, double *y)
{
	if (b->outputs)
		b->outputs(p, y);
	else
		y[0] = b->primal(p);
}

/* y, yd [nout]: the outputs and their tangents along d, from F_d */
static void outputs_d(const Bench *b, const double *p, const double *d,
	double *y, double *yd)
{
	if (b->outputs_d)
		b->outputs_d(p, d, y, yd);
	else
		y[0] = b->tangent(p, d, yd);
}

/* out[nout] = der . v */
static void apply(const Bench *b, const double *der, const double *v,
	double *out)
{
	if (b->apply) {
		b->apply(der, v, out);
		return;
	}
	double s = 0;
	for (int i = 0; i < b->n; i++)
		s += der[i] * v[i];
	out[0] = s;
}

static double maxabs(const double *x, int n)
{
	double m = 0;
	for (int i = 0; i < n; i++)
		m = fmax(m, fabs(x[i]));
	return m;
}

/* got[n] against want[n]: each component to rtol relative, or within
 * floor[i] (for components that cancel; NULL: 0) */
static void compare(const Work *w, const char *what, const double *got,
	const double *want, int n, double rtol, const double *floor)
{
	for (int i = 0; i < n; i++)
		if (!near(got[i], want[i], rtol, floor ? floor[i] : 0)) {
			char msg[200];
			snprintf(msg, sizeof msg, "%s, component %d", what, i);
			fail(w, msg, got[i], want[i]);
		}
}

/* Richardson-extrapolated central differences of the outputs along d */
static void central_outputs(const Bench *b, const double *p, const double *d,
	double *fd)
{
	double *q = bench_dup(p, b->n), *yp = alloc(b->nout),
		*ym = alloc(b->nout);
	double steps[2] = { 1e-5, 0.5e-5 };
	for (int s = 0; s < 2; s++) {
		double h = steps[s];
		for (int i = 0; i < b->n; i++)
			q[i] = p[i] + h * d[i];
		outputs(b, q, yp);
		for (int i = 0; i < b->n; i++)
			q[i] = p[i] - h * d[i];
		outputs(b, q, ym);
		for (int j = 0; j < b->nout; j++) {
			double c = (yp[j] - ym[j]) / (2 * h);
			fd[j] = s == 0 ? -c / 3 : fd[j] + 4 * c / 3;
		}
	}
	free(q);
	free(yp);
	free(ym);
}

/* The directions that check a reverse-mode derivative: NDIR dense random
 * ones, one random direction per input array (zero elsewhere), then the
 * benchmark's probes (BA: one per Jacobian column, which checks every
 * entry) or else unit vectors: every entry when n <= ALLUNIT, else every
 * entry of the arrays of at most SMALL entries, the first and last entry
 * of the others and NUNIT stratified random entries.  F_d along them is
 * computed once and shared by the checks of the hand-written and the adcc
 * derivative. */
#define ALLUNIT 300
#define SMALL 32
#define NUNIT 32

static int narrays(const Bench *b)
{
	int k = 0;
	if (!b->arrays)
		return 1;
	while (b->arrays[k] < b->n)
		k++;
	return k;
}

static int array_start(const Bench *b, int a)
{
	return b->arrays ? b->arrays[a] : 0;
}

static int array_end(const Bench *b, int a)
{
	return b->arrays ? b->arrays[a + 1] : b->n;
}

/* v[n] = direction k */
static void direction(const Work *w, const Checks *c, int k, double *v)
{
	const Bench *b = w->b;
	if (k < c->first_seg) {
		memcpy(v, w->pd + (size_t)k * b->n, b->n * sizeof *v);
	} else if (k < c->first_probe) {
		int a = k - c->first_seg;
		for (int i = 0; i < b->n; i++)
			v[i] = i >= array_start(b, a) && i < array_end(b, a) ?
				w->pd[(size_t)NDIR * b->n + i] : 0;
	} else if (b->probe) {
		b->probe(k - c->first_probe, v);
	} else {
		memset(v, 0, b->n * sizeof *v);
		v[c->unit[k - c->first_probe]] = 1;
	}
}

static void checks_init(Work *w, Checks *c)
{
	const Bench *b = w->b;
	int na = narrays(b);
	c->first_seg = NDIR;
	c->first_probe = NDIR + na;
	c->unit = NULL;
	if (b->probe) {
		c->ndir = c->first_probe + b->nprobe;
	} else {
		int nu = 0;
		c->unit = malloc((b->n + NUNIT) * sizeof *c->unit);
		for (int a = 0; a < na; a++) {
			int lo = array_start(b, a), hi = array_end(b, a);
			if (b->n <= ALLUNIT || hi - lo <= SMALL)
				for (int i = lo; i < hi; i++)
					c->unit[nu++] = i;
			else
				c->unit[nu++] = lo, c->unit[nu++] = hi - 1;
		}
		for (int k = 0; b->n > ALLUNIT && k < NUNIT; k++)
			c->unit[nu++] = (int)((k + bench_unif()) * b->n / NUNIT) % b->n;
		c->ndir = c->first_probe + nu;
	}
	c->ref = alloc((size_t)c->ndir * b->nout);
	double *v = alloc(b->n), *y = alloc(b->nout);
	for (int k = 0; k < c->ndir; k++) {
		direction(w, c, k, v);
		outputs_d(b, w->p, v, y, &c->ref[(size_t)k * b->nout]);
	}
	free(v);
	free(y);
}

static void checks_free(Checks *c)
{
	free(c->unit);
	free(c->ref);
}

/* A reverse-mode derivative (hand-written or adcc's) in w->der: its value,
 * its products with the check directions against F_d (relative 1e-8, or
 * 1e-10 of the sum of the absolute terms where they cancel), and with the
 * first against finite differences. */
static void check_reverse(Work *w, const char *what,
	double (*f)(const double *, double *))
{
	const Bench *b = w->b;
	char msg[160];
	if (!w->chk.ref)
		checks_init(w, &w->chk);
	const Checks *c = &w->chk;
	for (int i = 0; i < b->nder; i++)
		w->der[i] = NAN;   /* the adapter must overwrite every entry */
	double fp = b->primal(w->p), fv = f(w->p, w->der);
	snprintf(msg, sizeof msg, "value returned by the %s", what);
	if (!near(fv, fp, 1e-12, 0))
		fail(w, msg, fv, fp);
	double *out = alloc(b->nout), *floor = alloc(b->nout),
		*fd = alloc(b->nout), *v = alloc(b->n), *av = alloc(b->n),
		*ader = alloc(b->nder);
	for (int i = 0; i < b->nder; i++)
		ader[i] = fabs(w->der[i]);
	for (int k = 0; k < c->ndir; k++) {
		direction(w, c, k, v);
		apply(b, w->der, v, out);
		for (int i = 0; i < b->n; i++)
			av[i] = fabs(v[i]);
		apply(b, ader, av, floor);
		for (int j = 0; j < b->nout; j++)
			floor[j] *= 1e-10;
		snprintf(msg, sizeof msg, "%s against F_d (direction %d: %s)", what,
			k, k < c->first_seg ? "random" : k < c->first_probe ?
			"random in one array" : b->probe ? "probe" : "unit");
		compare(w, msg, out, &c->ref[(size_t)k * b->nout], b->nout, 1e-8,
			floor);
	}
	/* direction 0 against finite differences, whose rounding error is
	 * O(eps |y| / h) */
	direction(w, c, 0, v);
	apply(b, w->der, v, out);
	central_outputs(b, w->p, v, fd);
	outputs(b, w->p, floor);
	double tol = 1e-8 * maxabs(floor, b->nout);
	for (int j = 0; j < b->nout; j++)
		floor[j] = tol;
	snprintf(msg, sizeof msg, "%s against finite differences", what);
	compare(w, msg, out, fd, b->nout, 1e-6, floor);
	fprintf(stderr, "  %-6s %s ok along %d directions; %s . v = %.10g "
		"(finite differences %.10g)\n", b->name, what, c->ndir,
		b->nout == 1 ? "gradient" : "(Jacobian)[0]", out[0], fd[0]);
	free(out);
	free(floor);
	free(fd);
	free(v);
	free(av);
	free(ader);
}

static void check_hand(Work *w, int nd)
{
	(void)nd;
	check_reverse(w, "hand-written adjoint", w->b->hand);
}


/* adcc's derivative: checked like the hand-written one, equal to it, and
 * its tape measured (peak bytes of values and snapshots in one call) */
static void check_adcc(Work *w, int nd)
{
	const Bench *b = w->b;
	(void)nd;
	adcc_tape_reset();
	adcc_tape_stats_reset();
	check_reverse(w, "adcc adjoint", b->adcc);
	AdccTapeStats st;
	adcc_tape_stats(&st);
	if (st.bytes != 0 || st.snapshot_bytes != 0)
		fail(w, "tape bytes left after the adcc adjoint", (double)st.bytes, 0);
	w->tape = (double)st.peak_total_bytes;
	if (b->hand) {
		double *h = alloc(b->nder);
		b->hand(w->p, h);
		b->adcc(w->p, w->der);
		compare(w, "adcc adjoint against the hand-written one", w->der, h,
			b->nder, 1e-8, NULL);
		free(h);
	}
}

static const Mode modes[] = {
	/* name        nd  has          run          check          same_as */
	{ "primal",     1, has_all,     run_primal,  NULL,          NULL },
	{ "F_d",        1, has_all,     run_tangent, check_tangent, NULL },
	{ "F_dv(8)",    8, has_vector,  run_vector,  check_vector,  NULL },
	{ "F_dv(32)",  32, has_vector,  run_vector,  check_vector,  NULL },
	{ "outputs",    1, has_outputs, run_outputs, NULL,          "primal" },
	{ "hand",       1, has_hand,    run_hand,    check_hand,    NULL },
	{ "adcc",       1, has_adcc,    run_adcc,    check_adcc,    NULL },
};
enum { NMODE = sizeof modes / sizeof modes[0] };

static int mode_index(const char *name)
{
	for (int m = 0; m < NMODE; m++)
		if (!strcmp(modes[m].name, name))
			return m;
	fprintf(stderr, "bench: no mode %s\n", name);
	exit(2);
}

/* ---- table columns ---- */

enum {
	C_TIME,    /* time(num) / (nd(num) / nd(den) * time(den)) */
	C_SAVED,   /* bytes saved by the hand-written adjoint */
	C_TAPE,    /* adcc's peak tape bytes */
	C_MEMORY,  /* C_TAPE / C_SAVED */
};
#define PER_BENCH (-1.0)  /* target: the benchmark's grad_target */

typedef struct {
	const char *head;
	int kind;
	const char *num, *den;  /* mode names, C_TIME */
	double target;          /* value <= target is marked ✓; 0: none */
	const char *target_text;
} Column;

static const Column fwd_cols[] = {
	{ "F_d / primal",         C_TIME, "F_d",      "primal", 2.0, "≤ 2" },
	{ "F_dv(8) / 8 F_d",      C_TIME, "F_dv(8)",  "F_d",    0,   "" },
	{ "F_dv(32) / 32 F_d",    C_TIME, "F_dv(32)", "F_d",    0.5, "≤ 0.5" },
	{ "F_dv(32) / 32 primal", C_TIME, "F_dv(32)", "primal", 0,   "" },
};
static const Column rev_cols[] = {
	{ "hand / primal",        C_TIME, "hand", "outputs", 0,   "" },
	{ "adcc / primal",        C_TIME, "adcc", "outputs", PER_BENCH,
		"≤ 3 GMM, MLP; ≤ 5 LSTM" },
	{ "adcc / hand",          C_TIME, "adcc", "hand",    1.3, "≤ 1.3" },
	{ "hand saved",           C_SAVED,  NULL, NULL,      0,   "" },
	{ "adcc tape",            C_TAPE,   NULL, NULL,      0,   "" },
	{ "tape / saved",         C_MEMORY, NULL, NULL,      1.5, "≤ 1.5" },
};

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

/* ---- the tables ---- */

static double t[NBENCH][NMODE];  /* seconds per call, median; < 0: absent */
/* memory of the reverse modes, bytes; < 0: absent */
static double saved[NBENCH];      /* the hand-written adjoint's saved state */
static double tape_peak[NBENCH];  /* adcc's peak tape, values + snapshots */

/* bytes, in B, kB or MB (powers of 10^3), 3 significant digits */
static void print_bytes(double v)
{
	if (v < 1e3)
		printf(" %.0f B |", v);
	else if (v < 1e6)
		printf(" %.3g kB |", v / 1e3);
	else
		printf(" %.3g MB |", v / 1e6);
}

/* one cell of row bi; n/a when a mode or a byte count is absent */
static void print_cell(int bi, const Column *c)
{
	double v = -1;
	if (c->kind == C_TIME) {
		int mn = mode_index(c->num), md = mode_index(c->den);
		if (t[bi][mn] >= 0 && t[bi][md] >= 0)
			v = t[bi][mn] / ((double)modes[mn].nd / modes[md].nd * t[bi][md]);
	} else if (c->kind == C_SAVED || c->kind == C_TAPE) {
		v = c->kind == C_SAVED ? saved[bi] : tape_peak[bi];
		if (v < 0)
			printf(" n/a |");
		else
			print_bytes(v);
		return;
	} else if (saved[bi] > 0 && tape_peak[bi] >= 0) {
		v = tape_peak[bi] / saved[bi];
	}
	if (v < 0) {
		printf(" n/a |");
		return;
	}
	double target = c->target == PER_BENCH ? benches[bi]->grad_target :
		c->target;
	printf(" %.2f%s |", v, target <= 0 ? "" : v <= target ? " ✓" : " ✗");
}

/* A Markdown table: benchmark, inputs (reverse: and outputs), the primal
 * time (reverse: of the outputs, mode "outputs"), then the columns. */
static void print_table(const int *run, int reverse, const Column *cols,
	int ncol)
{
	printf("| benchmark | inputs |%s primal (ms) |",
		reverse ? " outputs |" : "");
	for (int c = 0; c < ncol; c++)
		printf(" %s |", cols[c].head);
	printf("\n|---|--:|%s--:|", reverse ? "--:|" : "");
	for (int c = 0; c < ncol; c++)
		printf("--:|");
	printf("\n| *target* | |%s |", reverse ? " |" : "");
	for (int c = 0; c < ncol; c++)
		if (*cols[c].target_text)
			printf(" *%s* |", cols[c].target_text);
		else
			printf(" |");
	printf("\n");
	int base = mode_index(reverse ? "outputs" : "primal");
	for (int bi = 0; bi < NBENCH; bi++) {
		const Bench *b = benches[bi];
		if (!run[bi])
			continue;
		printf("| %s | %d |", b->name, b->n);
		if (reverse)
			printf(" %d |", b->nout);
		printf(" %.3f |", 1e3 * t[bi][base]);
		for (int c = 0; c < ncol; c++)
			print_cell(bi, &cols[c]);
		printf("\n");
	}
	printf("\n");
}

/* ---- main ---- */

/* Runs every benchmark, or those named on the command line (out/bench BA). */
int main(int argc, char **argv)
{
	int run[NBENCH];
	for (int bi = 0; bi < NBENCH; bi++) {
		run[bi] = argc == 1;
		for (int a = 1; a < argc; a++)
			run[bi] |= !strcmp(argv[a], benches[bi]->name);
	}
	for (int bi = 0; bi < NBENCH; bi++) {
		const Bench *b = benches[bi];
		saved[bi] = tape_peak[bi] = -1;
		for (int m = 0; m < NMODE; m++)
			t[bi][m] = -1;
		if (!run[bi])
			continue;
		Work w = { b, alloc(b->n), alloc((size_t)b->n * MAXND), { 0 },
			alloc(b->nout), alloc(b->nder), { 0 }, -1 };
		rng = SEED;   /* the same data whichever benchmarks run */
		b->setup(w.p);
		for (long i = 0; i < (long)b->n * MAXND; i++)
			w.pd[i] = 2 * bench_unif() - 1;
		fprintf(stderr, "%s: %d inputs\n", b->name, b->n);
		for (int m = 0; m < NMODE; m++)
			if (modes[m].has(b) && modes[m].check)
				modes[m].check(&w, modes[m].nd);
		if (b->hand_saved)
			saved[bi] = (double)b->hand_saved();
		tape_peak[bi] = w.tape;
		long reps[NMODE];
		double samples[NMODE][ROUNDS];
		for (int m = 0; m < NMODE; m++)
			reps[m] = modes[m].has(b) ? calibrate(&w, &modes[m]) : 0;
		for (int r = 0; r < ROUNDS; r++)
			for (int m = 0; m < NMODE; m++)
				if (reps[m])
					samples[m][r] = timed(&w, &modes[m], reps[m]) / reps[m];
		for (int m = 0; m < NMODE; m++) {
			if (!reps[m])
				continue;
			qsort(samples[m], ROUNDS, sizeof(double), cmp);
			t[bi][m] = samples[m][ROUNDS / 2];
			fprintf(stderr, "  %-6s %-9s %10.4f ms  (%ld calls x %d rounds)\n",
				b->name, modes[m].name, 1e3 * t[bi][m], reps[m], ROUNDS);
		}
		for (int m = 0; m < NMODE; m++)
			if (!reps[m] && modes[m].same_as)
				t[bi][m] = t[bi][mode_index(modes[m].same_as)];
		free(w.p);
		free(w.pd);
		free(w.y);
		free(w.der);
		checks_free(&w.chk);
	}

	printf("Tangent modes:\n\n");
	print_table(run, 0, fwd_cols, sizeof fwd_cols / sizeof fwd_cols[0]);
	printf("Reverse modes (BA: the Jacobian of all residuals against all "
		"residuals):\n\n");
	print_table(run, 1, rev_cols, sizeof rev_cols / sizeof rev_cols[0]);
	for (int bi = 0; bi < NBENCH; bi++)
		if (run[bi])
			printf("- **%s**: %s.\n", benches[bi]->name, benches[bi]->what);
	return 0;
}

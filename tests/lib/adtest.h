/* adtest.h — a small header-only harness for derivative execution tests.
 *
 * Used by tests/fwd (tangents) and, later, tests/rev (adjoints).  It gives
 *   - deterministic random numbers (xorshift64*, same on every platform),
 *   - central finite differences, scalar or along a direction, for any
 *     function packed as  void f(void *ctx, const double *x, double *y),
 *   - checks that print what failed (name, index, got, want, error) and
 *     count failures, and a summary that returns the exit status.
 *
 * Error measure: |got - want| / max(|want|, adt_floor), i.e. relative for
 * large values and absolute below adt_floor (1 by default), so a derivative
 * that should be 0 is not judged relative to finite-difference noise.
 * A check passes when the error is <= adt_tol (1e-6 by default).
 *
 *   #include "adtest.h"
 *   int main(void) {
 *       adt_seed(1);
 *       double x = adt_uniform(0.5, 2), xd = 1, yd;
 *       f_d(x, xd, &yd);
 *       adt_check("f", 0, yd, adt_fd1(f, x));
 *       return adt_done();
 *   }
 *
 * Everything is static (the settings are variables a test may change), so the header can be included by several files of
 * one test program.
 */
#ifndef ADTEST_H
#define ADTEST_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* functions: static, and no warning when a test leaves one unused */
#if defined(__GNUC__)
#define ADT_FN static __attribute__((unused))
#else
#define ADT_FN static
#endif

/* ---- settings and counters ---- */

static double adt_tol = 1e-6;     /* largest accepted error */
static double adt_floor = 1.0;    /* below this |want|, errors are absolute */
static double adt_h = 1e-6;       /* relative finite-difference step */
static int adt_nchecks, adt_nfail;
static int adt_maxprint = 20;     /* failures printed before going quiet */
static uint64_t adt_state = 0x9E3779B97F4A7C15ull;

/* ---- random numbers ---- */

ADT_FN void adt_seed(uint64_t s)
{
	adt_state = s * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull;
	if (!adt_state)
		adt_state = 1;
}

/* uniform in [0, 1), 53 bits */
ADT_FN double adt_rand(void)
{
	adt_state ^= adt_state >> 12;
	adt_state ^= adt_state << 25;
	adt_state ^= adt_state >> 27;
	return (double)((adt_state * 0x2545F4914F6CDD1Dull) >> 11) * (1.0 / 9007199254740992.0);
}

ADT_FN double adt_uniform(double lo, double hi)
{
	return lo + (hi - lo) * adt_rand();
}

/* a value in [lo, hi] whose distance from every multiple of `grid` is at
 * least `gap` (points away from kinks of floor, fabs at 0, …) */
ADT_FN double adt_away(double lo, double hi, double grid, double gap)
{
	for (;;) {
		double v = adt_uniform(lo, hi);
		double r = v - grid * floor(v / grid);
		if (r >= gap && grid - r >= gap)
			return v;
	}
}

ADT_FN void adt_fill(double *a, int n, double lo, double hi)
{
	for (int i = 0; i < n; i++)
		a[i] = adt_uniform(lo, hi);
}

ADT_FN void adt_fillf(float *a, int n, double lo, double hi)
{
	for (int i = 0; i < n; i++)
		a[i] = (float)adt_uniform(lo, hi);
}

/* ---- finite differences ---- */

/* the step for a point of size |x| */
ADT_FN double adt_step(double x)
{
	return adt_h * fmax(1.0, fabs(x));
}

/* d f / d x at x, central differences */
ADT_FN double adt_fd1(double (*f)(double), double x)
{
	double h = adt_step(x);
	volatile double xp = x + h, xm = x - h;   /* the step really taken */
	return (f(xp) - f(xm)) / (xp - xm);
}

/* ∂f/∂x and ∂f/∂y of a function of two scalars */
ADT_FN double adt_fd2x(double (*f)(double, double), double x, double y)
{
	double h = adt_step(x);
	volatile double xp = x + h, xm = x - h;
	return (f(xp, y) - f(xm, y)) / (xp - xm);
}

ADT_FN double adt_fd2y(double (*f)(double, double), double x, double y)
{
	double h = adt_step(y);
	volatile double yp = y + h, ym = y - h;
	return (f(x, yp) - f(x, ym)) / (yp - ym);
}

/* A function of n inputs and m outputs, for the directional differences. */
typedef void (*AdtFn)(void *ctx, const double *x, double *y);

/* yd[0..m) = (f(x + h·xd) - f(x - h·xd)) / 2h: the derivative of f at x
 * along xd.  h is adt_h scaled by the size of x and of xd. */
ADT_FN void adt_fd_dir(AdtFn f, void *ctx, int n, const double *x, const double *xd,
	int m, double *yd)
{
	double sx = 1, sd = 0;
	for (int i = 0; i < n; i++) {
		sx = fmax(sx, fabs(x[i]));
		sd = fmax(sd, fabs(xd[i]));
	}
	double h = sd > 0 ? adt_h * sx / sd : adt_h;
	double *xp = malloc(sizeof(double) * (size_t)(n ? n : 1));
	double *yp = malloc(sizeof(double) * (size_t)(m ? m : 1));
	double *ym = malloc(sizeof(double) * (size_t)(m ? m : 1));
	for (int i = 0; i < n; i++)
		xp[i] = x[i] + h * xd[i];
	f(ctx, xp, yp);
	for (int i = 0; i < n; i++)
		xp[i] = x[i] - h * xd[i];
	f(ctx, xp, ym);
	for (int j = 0; j < m; j++)
		yd[j] = (yp[j] - ym[j]) / (2 * h);
	free(xp);
	free(yp);
	free(ym);
}

/* dst = x + s·xd, for tests that perturb their inputs by hand */
ADT_FN void adt_axpy(int n, double *dst, const double *x, double s, const double *xd)
{
	for (int i = 0; i < n; i++)
		dst[i] = x[i] + s * xd[i];
}

/* ---- checks ---- */

ADT_FN double adt_err(double got, double want)
{
	if (got == want)
		return 0;
	if (isnan(got) || isnan(want) || isinf(got) || isinf(want))
		return INFINITY;
	return fabs(got - want) / fmax(fabs(want), adt_floor);
}

ADT_FN void adt_report(const char *what, const char *name, int idx, double got,
	double want, double err)
{
	if (adt_nfail > adt_maxprint)
		return;
	if (adt_nfail == adt_maxprint) {
		fprintf(stderr, "adtest: more failures not shown\n");
		return;
	}
	fprintf(stderr, "adtest: FAIL %s %s[%d]: got %.17g, want %.17g (error %.3g)\n",
		what, name, idx, got, want, err);
}

/* got ≈ want within adt_tol; returns 1 when it passed */
ADT_FN int adt_check(const char *name, int idx, double got, double want)
{
	double e = adt_err(got, want);
	adt_nchecks++;
	if (e <= adt_tol)
		return 1;
	adt_report("check", name, idx, got, want, e);
	adt_nfail++;
	return 0;
}

/* got == want exactly (documented values at kinks, primal results) */
ADT_FN int adt_check_exact(const char *name, int idx, double got, double want)
{
	adt_nchecks++;
	if (got == want || (isnan(got) && isnan(want)))
		return 1;
	adt_report("exact", name, idx, got, want, adt_err(got, want));
	adt_nfail++;
	return 0;
}

/* got is a finite number (no NaN, no inf) */
ADT_FN int adt_check_finite(const char *name, int idx, double got)
{
	adt_nchecks++;
	if (isfinite(got))
		return 1;
	adt_report("finite", name, idx, got, 0, INFINITY);
	adt_nfail++;
	return 0;
}

/* element-wise checks of arrays */
ADT_FN int adt_check_array(const char *name, int n, const double *got, const double *want)
{
	int ok = 1;
	for (int i = 0; i < n; i++)
		ok &= adt_check(name, i, got[i], want[i]);
	return ok;
}

ADT_FN int adt_check_array_exact(const char *name, int n, const double *got,
	const double *want)
{
	int ok = 1;
	for (int i = 0; i < n; i++)
		ok &= adt_check_exact(name, i, got[i], want[i]);
	return ok;
}

/* <a, b> for dot-product tests (forward against reverse) */
ADT_FN double adt_dot(int n, const double *a, const double *b)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += a[i] * b[i];
	return s;
}

/* Print the summary; the exit status for main: 0 when every check passed
 * and at least one ran. */
ADT_FN int adt_done(void)
{
	if (adt_nfail || !adt_nchecks) {
		fprintf(stderr, "adtest: %d of %d checks failed\n", adt_nfail, adt_nchecks);
		return 1;
	}
	printf("adtest: %d checks passed\n", adt_nchecks);
	return 0;
}

#endif

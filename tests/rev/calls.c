// Calls to user functions in reverse, under each call strategy
// (--calls=tape|recompute|auto): one helper called with different activity
// patterns (one adjoint version per pattern), a helper returning through a
// pointer parameter (a pure output), a void helper updating an array in
// place, recursion, nested calls, a helper whose result is inactive, and a
// helper with a loop over scalars (taped under auto, recomputed under
// recompute).  Values exact, F_grad against central differences, the
// dot-product test against F_d to 1e-12, the tape empty afterwards.
// The recursive `fact` differentiated directly: tests/rev/calls-recursive.c.
/* RUN: %adcc %s --forward 'model:a,b->return' --forward 'looped:x->return' \
 * RUN:   --reverse 'model:a,b->return' --reverse 'looped:x->return' -o %t.a.c --header %t.a.h
 * RUN: FileCheck --check-prefixes=CHECK,AUTO %s < %t.a.c
 * RUN: %cc -include %t.a.h %s %t.a.c -o %t.a %rt && %t.a
 * RUN: %adcc %s --calls=tape --forward 'model:a,b->return' --forward 'looped:x->return' \
 * RUN:   --reverse 'model:a,b->return' --reverse 'looped:x->return' -o %t.t.c --header %t.t.h
 * RUN: FileCheck --check-prefixes=CHECK,TAPE %s < %t.t.c
 * RUN: %cc -include %t.t.h %s %t.t.c -o %t.t %rt && %t.t
 * RUN: %adcc %s --calls=recompute --forward 'model:a,b->return' --forward 'looped:x->return' \
 * RUN:   --reverse 'model:a,b->return' --reverse 'looped:x->return' -o %t.r.c --header %t.r.h
 * RUN: FileCheck --check-prefixes=CHECK,RECOMP %s < %t.r.c
 * RUN: %cc -include %t.r.h %s %t.r.c -o %t.r %rt && %t.r
 * RUN: %clang -c %t.a.c -o %t.o
 */
#include <math.h>

// CHECK-LABEL: double model_b(double a, double *ab, double b, double *bb, int n, double retb){{$}}
// AUTO-DAG: sq_b(a, ab,
// AUTO-DAG: = sq((double)n);
// AUTO-DAG: polar_fwd(a, b, p, pb);
// AUTO-DAG: polar_bwd(a, ab, b, bb, p, pb);
// TAPE-DAG: sq_fwd(a)
// TAPE-DAG: sq_bwd(a, ab,
// TAPE-DAG: = sq((double)n);
// RECOMP-DAG: sq_b(a, ab,
// RECOMP-DAG: = sq((double)n);
// RECOMP-DAG: polar_fwd(a, b, p, pb);
// CHECK-LABEL: double looped_b(double x, double *xb, int n, double retb){{$}}
// AUTO: series_fwd(
// AUTO: series_bwd(
// TAPE: series_fwd(
// TAPE: series_bwd(
// RECOMP-NOT: series_fwd(
// RECOMP: series_b(
/* sq is called with an active argument and with an inactive one: only the
 * active call needs a tangent version */
static double sq(double x)
{
	return x * x;
}

/* weighted: (x active, w inactive) and (x inactive, w active) */
static double weighted(double x, double w)
{
	return w * sin(x) + x;
}

/* results through a pointer parameter */
static void polar(double r, double phi, double *out)
{
	out[0] = r * cos(phi);
	out[1] = r * sin(phi);
}

/* an in-place update of an array */
static void scale_add(double *v, int n, double s, double c)
{
	for (int i = 0; i < n; i++)
		v[i] = v[i] * s + c;
}

/* recursion: x^n by squaring */
static double rpow(double x, int n)
{
	if (n == 0)
		return 1;
	double h = rpow(x, n / 2);
	return n % 2 ? h * h * x : h * h;
}

/* an integer helper: no tangent at all */
static int clampi(int i, int lo, int hi)
{
	return i < lo ? lo : i > hi ? hi : i;
}

double model(double a, double b, int n)
{
	double s = sq(a) + sq((double)n);
	s += weighted(a, 2.0) + weighted(1.5, b);
	double p[2];
	polar(a, b, p);
	s += p[0] * p[1];
	double v[4] = {a, b, a * b, 1};
	scale_add(v, 4, b, a);
	scale_add(v, 4, 0.5, 1.0);
	for (int i = 0; i < 4; i++)
		s += v[clampi(i + n, 0, 3)] * (i + 1);
	s += rpow(a, 5) + rpow(b + sq(sq(a)), clampi(n, 0, 4));
	return s;
}

/* a helper with a loop over scalars: the strategies differ */
static double series(double x, int n)
{
	double s = 0, t = 1;
	for (int i = 0; i < n; i++) {
		t = t * x / (i + 1);
		s += t;
	}
	return s;
}

double looped(double x, int n)
{
	return series(x, n) * series(x * x, n + 1) + sq(series(x, 2));
}

#ifndef __ADCC__
#include "adtest.h"
#include "adcc_rt.h"

static int N;
static double model2(double a, double b) { return model(a, b, N); }
static double looped1(double x) { return looped(x, N); }

static void tape_empty(const char *name, int k)
{
	AdccTapeStats st;
	adcc_tape_stats(&st);
	uint64_t d = 0;
	for (int s = 0; s < ADCC_NSTACKS; s++)
		d += st.depth[s];
	adt_check_exact(name, k, (double)d, 0);
}

static void dot(const char *name, int k, double lhs, double rhs)
{
	double tol = adt_tol;
	adt_tol = 1e-12;
	adt_check(name, k, lhs, rhs);
	adt_tol = tol;
}

int main(void)
{
	adt_seed(8);
	for (int k = 0; k < 20; k++) {
		N = k % 6;
		double a = adt_uniform(-1, 1), b = adt_uniform(-1, 1), t;
		double ad = adt_uniform(-1, 1), bd = adt_uniform(-1, 1), rb = adt_uniform(-1, 1);
		double ga = NAN, gb = NAN, ab = 0, bb = 0;
		adt_check_exact("model_grad", k, model_grad(a, &ga, b, &gb, N), model(a, b, N));
		adt_check("model ga", k, ga, adt_fd2x(model2, a, b));
		adt_check("model gb", k, gb, adt_fd2y(model2, a, b));
		model_d(a, ad, b, bd, N, &t);
		adt_check_exact("model_b", k, model_b(a, &ab, b, &bb, N, rb), model(a, b, N));
		tape_empty("model tape", k);
		dot("model dot", k, ad * ab + bd * bb, t * rb);

		double x = adt_uniform(-1.5, 1.5), xb = 0, g = NAN;
		adt_check_exact("looped_grad", k, looped_grad(x, &g, N), looped(x, N));
		adt_check("looped grad", k, g, adt_fd1(looped1, x));
		looped_d(x, ad, N, &t);
		adt_check_exact("looped_b", k, looped_b(x, &xb, N, rb), looped(x, N));
		tape_empty("looped tape", k);
		dot("looped dot", k, ad * xb, t * rb);
	}
	return adt_done();
}
#endif

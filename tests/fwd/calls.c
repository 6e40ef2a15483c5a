// Calls to user functions: one helper called with different activity
// patterns (one tangent version per pattern), a helper returning through a
// pointer parameter, a void helper updating an array in place, recursion,
// nested calls, a helper whose result is inactive.
// RUN: %adcc %s --forward 'model:a,b->return' --forward 'fact:x->return' -o %t.d.c --header %t.d.h
// RUN: FileCheck %s < %t.d.c
// RUN: %cc -include %t.d.h %s %t.d.c -o %t %rt && %t
// RUN: %clang -c %t.d.c -o %t.o
#include <math.h>

/* sq is called with an active argument and with an inactive one: only the
 * active call needs a tangent version */
// CHECK-LABEL: double model_d(double a, double ad, double b, double bd, int n, double *retd){{$}}
// CHECK-DAG: sq_d(a, ad,
// CHECK-DAG: = sq((double)n);
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

/* a recursive function differentiated directly */
double fact(double x, int n)
{
	return n <= 1 ? x : x * fact(x - 1, n - 1);
}

#ifndef __ADCC__
#include "adtest.h"

double model_d(double a, double ad, double b, double bd, int n, double *retd);
double fact_d(double x, double xd, int n, double *retd);

static int N;
static double model2(double a, double b) { return model(a, b, N); }
static double fact1(double x) { return fact(x, N); }

int main(void)
{
	adt_seed(8);
	for (int k = 0; k < 20; k++) {
		N = k % 6;
		double a = adt_uniform(-1, 1), b = adt_uniform(-1, 1), t;
		double ad = adt_uniform(-1, 1), bd = adt_uniform(-1, 1);
		adt_check_exact("model", k, model_d(a, ad, b, bd, N, &t), model(a, b, N));
		adt_check("model'", k, t, adt_fd2x(model2, a, b) * ad + adt_fd2y(model2, a, b) * bd);
		double x = adt_uniform(2, 6);
		adt_check_exact("fact", k, fact_d(x, ad, N, &t), fact(x, N));
		adt_check("fact'", k, t, adt_fd1(fact1, x) * ad);
	}
	return adt_done();
}
#endif

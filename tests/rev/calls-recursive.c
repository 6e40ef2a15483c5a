// A recursive function differentiated directly in reverse (tests/fwd/calls.c
// `fact`), under each call strategy: value exact, F_grad against central
// differences, the dot-product test against F_d to 1e-12.
// RUN: %adcc %s --forward 'fact:x->return' --reverse 'fact:x->return' -o %t.a.c --header %t.a.h
// RUN: %cc -include %t.a.h %s %t.a.c -o %t.a %rt && %t.a
// RUN: %adcc %s --calls=tape --forward 'fact:x->return' --reverse 'fact:x->return' -o %t.t.c --header %t.t.h
// RUN: %cc -include %t.t.h %s %t.t.c -o %t.t %rt && %t.t
// RUN: %adcc %s --calls=recompute --forward 'fact:x->return' --reverse 'fact:x->return' -o %t.r.c --header %t.r.h
// RUN: %cc -include %t.r.h %s %t.r.c -o %t.r %rt && %t.r

/* a recursive function differentiated directly */
double fact(double x, int n)
{
	return n <= 1 ? x : x * fact(x - 1, n - 1);
}

#ifndef __ADCC__
#include "adtest.h"

static int N;
static double fact1(double x) { return fact(x, N); }

int main(void)
{
	adt_seed(8);
	for (int k = 0; k < 20; k++) {
		N = k % 6;
		double x = adt_uniform(2, 6), xd = adt_uniform(-1, 1), rb = adt_uniform(-1, 1);
		double g = NAN, xb = 0, t;
		adt_check_exact("fact_grad", k, fact_grad(x, &g, N), fact(x, N));
		adt_check("fact grad", k, g, adt_fd1(fact1, x));
		fact_d(x, xd, N, &t);
		adt_check_exact("fact_b", k, fact_b(x, &xb, N, rb), fact(x, N));
		double tol = adt_tol;
		adt_tol = 1e-12;
		adt_check("fact dot", k, xd * xb, t * rb);
		adt_tol = tol;
	}
	return adt_done();
}
#endif

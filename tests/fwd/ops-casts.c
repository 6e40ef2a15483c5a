// Arithmetic rows (+ - * / neg) in expressions and compound assignments,
// casts between float and double, int -> double (no tangent) and
// double -> int (the tangent stops there), integer index arithmetic.
/*
 * RUN: %adcc %s --forward 'arith:x,y->return' --forward 'casts:x->return' \
 * RUN:   --forward 'intmix:x->return' --forward 'compound:x,y->return' -o %t.d.c --header %t.d.h
 * RUN: %cc -include %t.d.h %s %t.d.c -o %t %rt && %t
 * RUN: %clang -c %t.d.c -o %t.o
 */
#include <math.h>

double arith(double x, double y)
{
	double a = x * y - x / y + -x;
	double b = (a + 3) * (a - y) / (1 + x * x);
	return -b + 2 * a - y / 4;
}

/* float and double mixed: the tangent goes through the same casts */
double casts(double x)
{
	float f = (float)x;
	float g = f * f + 0.5f;
	double h = g;          /* implicit float -> double */
	return h * x + (double)(float)(x * 0.25);
}

/* int -> double and double -> int: k carries no tangent */
double intmix(double x, int n)
{
	int k = (int)(x * 3);      /* piecewise constant in x */
	double s = 0;
	for (int i = 0; i < n; i++) {
		int j = (i * 7 + k) % 5;
		s += x * (double)j + (double)(i / 2);
	}
	return s + k;
}

double compound(double x, double y)
{
	double s = x;
	s += y;
	s *= x;
	s -= y * y;
	s /= 1 + y * y;
	s++;
	++s;
	double u = s--;
	s = u * 2 + s;
	return s;
}

#ifndef __ADCC__
#include "adtest.h"

double arith_d(double x, double xd, double y, double yd, double *retd);
double casts_d(double x, double xd, double *retd);
double intmix_d(double x, double xd, int n, double *retd);
double compound_d(double x, double xd, double y, double yd, double *retd);

static double intmix1(double x) { return intmix(x, 9); }

int main(void)
{
	adt_seed(4);
	for (int k = 0; k < 10; k++) {
		double x = adt_uniform(0.3, 2), y = adt_uniform(0.5, 2), t;
		double xd = adt_uniform(-1, 1), yd = adt_uniform(-1, 1);
		adt_check_exact("arith", k, arith_d(x, xd, y, yd, &t), arith(x, y));
		adt_check("arith'", k, t, adt_fd2x(arith, x, y) * xd + adt_fd2y(arith, x, y) * yd);
		adt_check_exact("compound", k, compound_d(x, xd, y, yd, &t), compound(x, y));
		adt_check("compound'", k, t, adt_fd2x(compound, x, y) * xd + adt_fd2y(compound, x, y) * yd);
		/* float precision inside: against the exact derivative 3x² + 0.75 */
		casts_d(x, 1, &t);
		adt_check("casts'", k, t, 3 * x * x + 0.75);
		/* away from the jumps of (int)(3x) */
		double z = adt_away(0.3, 2, 1.0 / 3, 0.01);
		adt_check_exact("intmix", k, intmix_d(z, xd, 9, &t), intmix1(z));
		adt_check("intmix'", k, t, adt_fd1(intmix1, z) * xd);
	}
	return adt_done();
}
#endif

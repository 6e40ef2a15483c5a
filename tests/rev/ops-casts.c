// Arithmetic rows (+ - * / neg) in expressions and compound assignments,
// casts between float and double, int -> double (no adjoint) and
// double -> int (the adjoint stops there), integer index arithmetic, in
// reverse: values exact, dot-product test against F_d to 1e-12, F_grad
// against central differences (casts: against the exact derivative).
/*
 * RUN: %adcc %s --forward 'arith:x,y->return' --forward 'casts:x->return' \
 * RUN:   --forward 'intmix:x->return' --forward 'compound:x,y->return' \
 * RUN:   --reverse 'arith:x,y->return' --reverse 'casts:x->return' \
 * RUN:   --reverse 'intmix:x->return' --reverse 'compound:x,y->return' -o %t.c --header %t.h
 * RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
 * RUN: %clang -c %t.c -o %t.o
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

static double intmix1(double x) { return intmix(x, 9); }

/* <F_d(xd), rb> = <xd, F_b(rb)> to eps: 1e-12, or float rounding (1e-6)
 * where the derivative goes through float */
static void dot(const char *name, int k, double lhs, double rhs, double eps)
{
	double tol = adt_tol;
	adt_tol = eps;
	adt_check(name, k, lhs, rhs);
	adt_tol = tol;
}

int main(void)
{
	adt_seed(4);
	for (int k = 0; k < 10; k++) {
		double x = adt_uniform(0.3, 2), y = adt_uniform(0.5, 2), t;
		double xd = adt_uniform(-1, 1), yd = adt_uniform(-1, 1), rb = adt_uniform(-1, 1);
		double gx, gy, xb, yb;
		/* arith */
		adt_check_exact("arith", k, arith_grad(x, &gx, y, &gy), arith(x, y));
		adt_check("arith gx", k, gx, adt_fd2x(arith, x, y));
		adt_check("arith gy", k, gy, adt_fd2y(arith, x, y));
		arith_d(x, xd, y, yd, &t);
		xb = yb = 0;
		adt_check_exact("arith_b", k, arith_b(x, &xb, y, &yb, rb), arith(x, y));
		dot("arith dot", k, xd * xb + yd * yb, t * rb, 1e-12);
		/* compound */
		adt_check_exact("compound", k, compound_grad(x, &gx, y, &gy), compound(x, y));
		adt_check("compound gx", k, gx, adt_fd2x(compound, x, y));
		adt_check("compound gy", k, gy, adt_fd2y(compound, x, y));
		compound_d(x, xd, y, yd, &t);
		xb = yb = 0;
		adt_check_exact("compound_b", k, compound_b(x, &xb, y, &yb, rb), compound(x, y));
		dot("compound dot", k, xd * xb + yd * yb, t * rb, 1e-12);
		/* casts: float precision inside, against the exact 3x² + 0.75 */
		adt_check_exact("casts", k, casts_grad(x, &gx), casts(x));
		adt_check("casts'", k, gx, 3 * x * x + 0.75);
		casts_d(x, xd, &t);
		xb = 0;
		adt_check_exact("casts_b", k, casts_b(x, &xb, rb), casts(x));
		dot("casts dot", k, xd * xb, t * rb, 1e-6);
		/* intmix: away from the jumps of (int)(3x) */
		double z = adt_away(0.3, 2, 1.0 / 3, 0.01);
		adt_check_exact("intmix", k, intmix_grad(z, &gx, 9), intmix1(z));
		adt_check("intmix'", k, gx, adt_fd1(intmix1, z));
		intmix_d(z, xd, 9, &t);
		xb = 0;
		adt_check_exact("intmix_b", k, intmix_b(z, &xb, 9, rb), intmix1(z));
		dot("intmix dot", k, xd * xb, t * rb, 1e-12);
	}
	return adt_done();
}
#endif

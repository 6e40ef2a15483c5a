// The documented derivative values at kinks (docs/rules.md), checked
// exactly: fabs'(0) = +1 (also at -0.0), fmin/fmax ties go to the first
// argument, floor/ceil/round/trunc have derivative 0 (also at integers),
// hypot at the origin 0, and pow at a negative base with an integer-valued
// exponent — constant, integer parameter, or active — gives the finite
// derivative n·x^(n-1) (∂/∂exponent is 0 where the log is undefined).
// RUN: %adcc %s -o %t.d.c --header %t.d.h
// RUN: %cc -include %t.d.h %s %t.d.c -o %t %rt && %t
// RUN: %clang -c %t.d.c -o %t.o
#include <math.h>
#include "adcc.h"

ADCC_FORWARD("x->return") double k_fabs(double x) { return fabs(x); }
ADCC_FORWARD("x,y->return") double k_absdiff(double x, double y) { return fabs(x - y); }
ADCC_FORWARD("x,y->return") double k_fmin(double x, double y) { return fmin(x, y); }
ADCC_FORWARD("x,y->return") double k_fmax(double x, double y) { return fmax(x, y); }
ADCC_FORWARD("x->return") double k_floor(double x) { return floor(x); }
ADCC_FORWARD("x->return") double k_ceil(double x) { return ceil(x); }
ADCC_FORWARD("x->return") double k_round(double x) { return round(x); }
ADCC_FORWARD("x->return") double k_trunc(double x) { return trunc(x); }
ADCC_FORWARD("x,y->return") double k_hypot(double x, double y) { return hypot(x, y); }
ADCC_FORWARD("x->return") double k_pow2(double x) { return pow(x, 2); }
ADCC_FORWARD("x->return") double k_pow3(double x) { return pow(x, 3.0); }
ADCC_FORWARD("x->return") double k_pown(double x, int n) { return pow(x, n); }
ADCC_FORWARD("x,y->return") double k_pow(double x, double y) { return pow(x, y); }
ADCC_FORWARD("x->return") double k_pow0(double x) { return pow(x, 0.0); }
ADCC_FORWARD("x->return") float k_fabsf(float x) { return fabsf(x); }
ADCC_FORWARD("x,y->return") float k_fminf(float x, float y) { return fminf(x, y); }
ADCC_FORWARD("x->return") float k_powf(float x) { return powf(x, 2.0f); }

#ifndef __ADCC__
#include "adtest.h"

double k_fabs_d(double x, double xd, double *retd);
double k_absdiff_d(double x, double xd, double y, double yd, double *retd);
double k_fmin_d(double x, double xd, double y, double yd, double *retd);
double k_fmax_d(double x, double xd, double y, double yd, double *retd);
double k_floor_d(double x, double xd, double *retd);
double k_ceil_d(double x, double xd, double *retd);
double k_round_d(double x, double xd, double *retd);
double k_trunc_d(double x, double xd, double *retd);
double k_hypot_d(double x, double xd, double y, double yd, double *retd);
double k_pow2_d(double x, double xd, double *retd);
double k_pow3_d(double x, double xd, double *retd);
double k_pown_d(double x, double xd, int n, double *retd);
double k_pow_d(double x, double xd, double y, double yd, double *retd);
double k_pow0_d(double x, double xd, double *retd);
float k_fabsf_d(float x, float xd, float *retd);
float k_fminf_d(float x, float xd, float y, float yd, float *retd);
float k_powf_d(float x, float xd, float *retd);

int main(void)
{
	double t;
	float tf;
	k_fabs_d(0.0, 1, &t), adt_check_exact("fabs'(0)", 0, t, 1);
	k_fabs_d(-0.0, 1, &t), adt_check_exact("fabs'(-0)", 0, t, 1);
	k_fabs_d(-2.0, 1, &t), adt_check_exact("fabs'(-2)", 0, t, -1);
	k_fabs_d(2.0, 1, &t), adt_check_exact("fabs'(2)", 0, t, 1);
	k_fabsf_d(0.0f, 1, &tf), adt_check_exact("fabsf'(0)", 0, tf, 1);
	k_absdiff_d(1.5, 1, 1.5, 0, &t), adt_check_exact("|x-y| dx at x=y", 0, t, 1);
	k_absdiff_d(1.5, 0, 1.5, 1, &t), adt_check_exact("|x-y| dy at x=y", 0, t, -1);

	/* ties: the first argument wins */
	k_fmin_d(1.25, 1, 1.25, 0, &t), adt_check_exact("fmin dx at tie", 0, t, 1);
	k_fmin_d(1.25, 0, 1.25, 1, &t), adt_check_exact("fmin dy at tie", 0, t, 0);
	k_fmax_d(1.25, 1, 1.25, 0, &t), adt_check_exact("fmax dx at tie", 0, t, 1);
	k_fmax_d(1.25, 0, 1.25, 1, &t), adt_check_exact("fmax dy at tie", 0, t, 0);
	k_fmin_d(1, 3, 2, 5, &t), adt_check_exact("fmin x<y", 0, t, 3);
	k_fmin_d(2, 3, 1, 5, &t), adt_check_exact("fmin x>y", 0, t, 5);
	k_fmax_d(1, 3, 2, 5, &t), adt_check_exact("fmax x<y", 0, t, 5);
	k_fmax_d(2, 3, 1, 5, &t), adt_check_exact("fmax x>y", 0, t, 3);
	k_fminf_d(0.5f, 1, 0.5f, 0, &tf), adt_check_exact("fminf dx at tie", 0, tf, 1);

	/* step functions: 0 everywhere, also at their jumps */
	double pts[] = {-2, -1.5, -0.5, 0, 0.5, 1, 2.5, 3.7};
	for (int i = 0; i < 8; i++) {
		k_floor_d(pts[i], 1, &t), adt_check_exact("floor'", i, t, 0);
		k_ceil_d(pts[i], 1, &t), adt_check_exact("ceil'", i, t, 0);
		k_round_d(pts[i], 1, &t), adt_check_exact("round'", i, t, 0);
		k_trunc_d(pts[i], 1, &t), adt_check_exact("trunc'", i, t, 0);
	}

	k_hypot_d(0, 1, 0, 1, &t), adt_check_exact("hypot at origin", 0, t, 0);
	k_hypot_d(3, 1, 4, 0, &t), adt_check_exact("hypot dx", 0, t, 0.6);

	/* pow at negative bases */
	k_pow2_d(-1.5, 1, &t), adt_check_exact("pow(x,2)' at -1.5", 0, t, -3);
	k_pow3_d(-2, 1, &t), adt_check_exact("pow(x,3.0)' at -2", 0, t, 12);
	k_pown_d(-2, 1, 3, &t), adt_check_exact("pow(x,n=3)' at -2", 0, t, 12);
	k_pown_d(-2, 1, 0, &t), adt_check_exact("pow(x,n=0)' at -2", 0, t, 0);
	k_pown_d(0, 1, 0, &t), adt_check_exact("pow(x,n=0)' at 0", 0, t, 0);
	k_pown_d(0, 1, 1, &t), adt_check_exact("pow(x,n=1)' at 0", 0, t, 1);
	k_pown_d(-3, 1, -2, &t), adt_check("pow(x,n=-2)' at -3", 0, t, -2 / -27.0);
	k_pow_d(-2, 1, 3, 0, &t), adt_check_exact("pow(x,y=3) dx at -2", 0, t, 12);
	k_pow_d(-2, 0, 3, 1, &t), adt_check_exact("pow(x,y=3) dy at -2", 0, t, 0);
	k_pow_d(-2, 0.5, 2, 0.25, &t), adt_check_finite("pow mixed at -2", 0, t);
	k_pow_d(0, 0, 2, 1, &t), adt_check_exact("pow(0,y) dy", 0, t, 0);
	k_pow_d(0, 1, 0, 0, &t), adt_check_exact("pow(x,0) dx at 0", 0, t, 0);
	k_pow0_d(0, 1, &t), adt_check_exact("pow(x,0.0)' at 0", 0, t, 0);
	k_pow0_d(-1, 1, &t), adt_check_exact("pow(x,0.0)' at -1", 0, t, 0);
	k_powf_d(-1.5f, 1, &tf), adt_check_exact("powf(x,2)' at -1.5", 0, tf, -3);
	/* and at positive bases, both partials */
	k_pow_d(2, 0, 3, 1, &t), adt_check("pow dy at 2", 0, t, 8 * log(2));
	return adt_done();
}
#endif

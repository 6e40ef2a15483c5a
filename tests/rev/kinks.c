// The documented derivative values at kinks (docs/rules.md), in reverse,
// checked exactly with F_grad (and F_b against F_d at the same points):
// fabs'(0) = +1 (also at -0.0), fmin/fmax ties go to the first argument,
// floor/ceil/round/trunc have derivative 0 (also at integers), hypot at the
// origin 0, and pow at a negative base with an integer-valued exponent —
// constant, integer parameter, or active — gives the finite derivative
// n·x^(n-1) (∂/∂exponent is 0 where the log is undefined).
// RUN: %adcc %s -o %t.c --header %t.h
// RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
// RUN: %clang -c %t.c -o %t.o
#include <math.h>
#include "adcc.h"

ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double k_fabs(double x) { return fabs(x); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double k_absdiff(double x, double y) { return fabs(x - y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double k_fmin(double x, double y) { return fmin(x, y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double k_fmax(double x, double y) { return fmax(x, y); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double k_floor(double x) { return floor(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double k_ceil(double x) { return ceil(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double k_round(double x) { return round(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double k_trunc(double x) { return trunc(x); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double k_hypot(double x, double y) { return hypot(x, y); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double k_pow2(double x) { return pow(x, 2); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double k_pow3(double x) { return pow(x, 3.0); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double k_pown(double x, int n) { return pow(x, n); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double k_pow(double x, double y) { return pow(x, y); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double k_pow0(double x) { return pow(x, 0.0); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float k_fabsf(float x) { return fabsf(x); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") float k_fminf(float x, float y) { return fminf(x, y); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float k_powf(float x) { return powf(x, 2.0f); }

#ifndef __ADCC__
#include "adtest.h"

/* one-argument F_grad: the derivative at x, checked exactly */
#define G1(f, x, want, name) do { double g_ = NAN; \
	adt_check_exact(name " value", 0, f##_grad(x, &g_), f(x)); \
	adt_check_exact(name, 0, g_, want); } while (0)
/* two arguments: both partials */
#define G2(f, x, y, wx, wy, name) do { double gx_ = NAN, gy_ = NAN; \
	adt_check_exact(name " value", 0, f##_grad(x, &gx_, y, &gy_), f(x, y)); \
	adt_check_exact(name " dx", 0, gx_, wx); \
	adt_check_exact(name " dy", 0, gy_, wy); } while (0)

int main(void)
{
	double gx, gy, xb, yb;
	float gf, gfy;
	G1(k_fabs, 0.0, 1, "fabs'(0)");
	G1(k_fabs, -0.0, 1, "fabs'(-0)");
	G1(k_fabs, -2.0, -1, "fabs'(-2)");
	G1(k_fabs, 2.0, 1, "fabs'(2)");
	k_fabsf_grad(0.0f, &gf), adt_check_exact("fabsf'(0)", 0, gf, 1);
	G2(k_absdiff, 1.5, 1.5, 1, -1, "|x-y| at x=y");

	/* ties: the first argument wins */
	G2(k_fmin, 1.25, 1.25, 1, 0, "fmin at tie");
	G2(k_fmax, 1.25, 1.25, 1, 0, "fmax at tie");
	G2(k_fmin, 1, 2, 1, 0, "fmin x<y");
	G2(k_fmin, 2, 1, 0, 1, "fmin x>y");
	G2(k_fmax, 1, 2, 0, 1, "fmax x<y");
	G2(k_fmax, 2, 1, 1, 0, "fmax x>y");
	k_fminf_grad(0.5f, &gf, 0.5f, &gfy);
	adt_check_exact("fminf dx at tie", 0, gf, 1);
	adt_check_exact("fminf dy at tie", 0, gfy, 0);
	/* F_b seeds: the tie's adjoint goes to x, scaled */
	xb = yb = 0;
	k_fmin_b(1.25, &xb, 1.25, &yb, 3);
	adt_check_exact("fmin_b tie xb", 0, xb, 3);
	adt_check_exact("fmin_b tie yb", 0, yb, 0);

	/* step functions: 0 everywhere, also at their jumps */
	double pts[] = {-2, -1.5, -0.5, 0, 0.5, 1, 2.5, 3.7};
	for (int i = 0; i < 8; i++) {
		k_floor_grad(pts[i], &gx), adt_check_exact("floor'", i, gx, 0);
		k_ceil_grad(pts[i], &gx), adt_check_exact("ceil'", i, gx, 0);
		k_round_grad(pts[i], &gx), adt_check_exact("round'", i, gx, 0);
		k_trunc_grad(pts[i], &gx), adt_check_exact("trunc'", i, gx, 0);
	}

	G2(k_hypot, 0, 0, 0, 0, "hypot at origin");
	G2(k_hypot, 3, 4, 0.6, 0.8, "hypot");

	/* pow at negative bases */
	G1(k_pow2, -1.5, -3, "pow(x,2)' at -1.5");
	G1(k_pow3, -2, 12, "pow(x,3.0)' at -2");
	k_pown_grad(-2, &gx, 3), adt_check_exact("pow(x,n=3)' at -2", 0, gx, 12);
	k_pown_grad(-2, &gx, 0), adt_check_exact("pow(x,n=0)' at -2", 0, gx, 0);
	k_pown_grad(0, &gx, 0), adt_check_exact("pow(x,n=0)' at 0", 0, gx, 0);
	k_pown_grad(0, &gx, 1), adt_check_exact("pow(x,n=1)' at 0", 0, gx, 1);
	k_pown_grad(-3, &gx, -2), adt_check("pow(x,n=-2)' at -3", 0, gx, -2 / -27.0);
	G2(k_pow, -2, 3, 12, 0, "pow(x,y=3) at -2");
	k_pow_grad(-2, &gx, 2, &gy);
	adt_check_finite("pow dx at (-2,2)", 0, gx);
	adt_check_finite("pow dy at (-2,2)", 0, gy);
	k_pow_grad(0, &gx, 2, &gy), adt_check_exact("pow(0,y) dy", 0, gy, 0);
	k_pow_grad(0, &gx, 0, &gy), adt_check_exact("pow(x,0) dx at 0", 0, gx, 0);
	G1(k_pow0, 0, 0, "pow(x,0.0)' at 0");
	G1(k_pow0, -1, 0, "pow(x,0.0)' at -1");
	k_powf_grad(-1.5f, &gf), adt_check_exact("powf(x,2)' at -1.5", 0, gf, -3);
	/* and at positive bases, both partials */
	k_pow_grad(2, &gx, 3, &gy);
	adt_check("pow dx at 2", 0, gx, 12);
	adt_check("pow dy at 2", 0, gy, 8 * log(2));

	/* F_b against F_d at the kinks: the same one-sided choices */
	double kx[] = {0, -0.0, 1.25, 1.5, -2, 0, 3};
	double ky[] = {0, 1, 1.25, 1.5, 3, 0, 4};
	for (int i = 0; i < 7; i++) {
		double (*fd[])(double, double, double, double, double *) = {k_absdiff_d, k_fmin_d, k_fmax_d, k_hypot_d, k_pow_d};
		double (*fb[])(double, double *, double, double *, double) = {k_absdiff_b, k_fmin_b, k_fmax_b, k_hypot_b, k_pow_b};
		for (int j = 0; j < 5; j++) {
			double dx, dy;
			fd[j](kx[i], 1, ky[i], 0, &dx);
			fd[j](kx[i], 0, ky[i], 1, &dy);
			xb = yb = 0;
			fb[j](kx[i], &xb, ky[i], &yb, 1);
			adt_check_exact("b vs d dx", 10 * i + j, xb, dx);
			adt_check_exact("b vs d dy", 10 * i + j, yb, dy);
		}
	}
	return adt_done();
}
#endif

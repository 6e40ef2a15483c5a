// The float variants of every math row of the rule table (sinf, powf, …) in
// reverse: F_b and F_grad must call the float functions (CHECK lines), return
// the primal value exactly, agree with central finite differences of the
// double function to float precision (2e-5), and pass the dot-product test
// against F_d to float rounding (1e-6).
// RUN: %adcc %s -o %t.c --header %t.h
// RUN: FileCheck %s < %t.c
// RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
// RUN: %clang -c %t.c -o %t.o
#include <math.h>
#include "adcc.h"

// CHECK-LABEL: float f_sin_b(float x, float *xb, float retb){{$}}
// CHECK: cosf(x)
// CHECK-LABEL: float f_sin_grad(float x, float *xb){{$}}
// CHECK-LABEL: float f_lgamma_b(float x, float *xb, float retb){{$}}
// CHECK: adcc_digammaf(x)
// CHECK-LABEL: float f_pow_b(float x, float *xb, float y, float *yb, float retb){{$}}
// CHECK: powf(x, y - 1.0f)
// CHECK: logf(x)

// No double function is called anywhere in the derivatives:
// RUN: not grep -E '[^a-z0-9_](sin|cos|tan|sinh|cosh|tanh|sqrt|exp|log|pow|trunc|copysign|adcc_digamma)\(' %t.c

#define UNARY(X) \
	X(sin, -3, 3) \
	X(cos, -3, 3) \
	X(tan, -1.4, 1.4) \
	X(asin, -0.9, 0.9) \
	X(acos, -0.9, 0.9) \
	X(atan, -4, 4) \
	X(sinh, -3, 3) \
	X(cosh, -3, 3) \
	X(tanh, -3, 3) \
	X(asinh, -4, 4) \
	X(acosh, 1.1, 4) \
	X(atanh, -0.9, 0.9) \
	X(exp, -3, 3) \
	X(exp2, -3, 3) \
	X(expm1, -3, 3) \
	X(log, 0.1, 5) \
	X(log2, 0.1, 5) \
	X(log10, 0.1, 5) \
	X(log1p, -0.9, 5) \
	X(sqrt, 0.1, 5) \
	X(cbrt, 0.2, 5) \
	X(fabs, -3, 3) \
	X(floor, -3, 3) \
	X(ceil, -3, 3) \
	X(round, -3, 3) \
	X(trunc, -3, 3) \
	X(erf, -2, 2) \
	X(erfc, -2, 2) \
	X(lgamma, 0.2, 5) \
	X(tgamma, 0.2, 4)
#define BINARY(X) \
	X(atan2, -3, 3, -3, 3) \
	X(pow, 0.2, 3, -2, 2) \
	X(hypot, -3, 3, -3, 3) \
	X(fmin, -3, 3, -3, 3) \
	X(fmax, -3, 3, -3, 3) \
	X(fmod, -5, 5, 0.7, 2) \
	X(copysign, -3, 3, -3, 3)

ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_sin(float x) { return sinf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_cos(float x) { return cosf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_tan(float x) { return tanf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_asin(float x) { return asinf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_acos(float x) { return acosf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_atan(float x) { return atanf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_sinh(float x) { return sinhf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_cosh(float x) { return coshf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_tanh(float x) { return tanhf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_asinh(float x) { return asinhf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_acosh(float x) { return acoshf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_atanh(float x) { return atanhf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_exp(float x) { return expf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_exp2(float x) { return exp2f(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_expm1(float x) { return expm1f(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_log(float x) { return logf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_log2(float x) { return log2f(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_log10(float x) { return log10f(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_log1p(float x) { return log1pf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_sqrt(float x) { return sqrtf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_cbrt(float x) { return cbrtf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_fabs(float x) { return fabsf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_floor(float x) { return floorf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_ceil(float x) { return ceilf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_round(float x) { return roundf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_trunc(float x) { return truncf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_erf(float x) { return erff(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_erfc(float x) { return erfcf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_lgamma(float x) { return lgammaf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") float f_tgamma(float x) { return tgammaf(x); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") float f_atan2(float x, float y) { return atan2f(x, y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") float f_pow(float x, float y) { return powf(x, y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") float f_hypot(float x, float y) { return hypotf(x, y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") float f_fmin(float x, float y) { return fminf(x, y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") float f_fmax(float x, float y) { return fmaxf(x, y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") float f_fmod(float x, float y) { return fmodf(x, y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") float f_copysign(float x, float y) { return copysignf(x, y); }

#ifndef __ADCC__
#include "adtest.h"

#define DECL1(n, lo, hi) \
	float f_##n(float x); \
	float f_##n##_d(float x, float xd, float *retd); \
	float f_##n##_b(float x, float *xb, float retb); \
	float f_##n##_grad(float x, float *xb);
#define DECL2(n, xl, xh, yl, yh) \
	float f_##n(float x, float y); \
	float f_##n##_d(float x, float xd, float y, float yd, float *retd); \
	float f_##n##_b(float x, float *xb, float y, float *yb, float retb); \
	float f_##n##_grad(float x, float *xb, float y, float *yb);
UNARY(DECL1)
BINARY(DECL2)

struct row1 {
	const char *name;
	float (*f)(float);
	float (*fd)(float, float, float *);
	float (*fb)(float, float *, float);
	float (*fg)(float, float *);
	double (*ref)(double);
	double lo, hi;
};
struct row2 {
	const char *name;
	float (*f)(float, float);
	float (*fd)(float, float, float, float, float *);
	float (*fb)(float, float *, float, float *, float);
	float (*fg)(float, float *, float, float *);
	double (*ref)(double, double);
	double xl, xh, yl, yh;
};
#define ROW1(n, lo, hi) {#n "f", f_##n, f_##n##_d, f_##n##_b, f_##n##_grad, n, lo, hi},
#define ROW2(n, xl, xh, yl, yh) {#n "f", f_##n, f_##n##_d, f_##n##_b, f_##n##_grad, n, xl, xh, yl, yh},
static const struct row1 rows1[] = {UNARY(ROW1)};
static const struct row2 rows2[] = {BINARY(ROW2)};

static void dot(const char *name, int k, double lhs, double rhs)
{
	double tol = adt_tol;
	adt_tol = 1e-6;
	adt_check(name, 100 + k, lhs, rhs);
	adt_tol = tol;
}

int main(void)
{
	adt_seed(3);
	adt_tol = 2e-5;
	for (size_t r = 0; r < sizeof rows1 / sizeof *rows1; r++)
		for (int k = 0; k < 6; k++) {
			const struct row1 *w = &rows1[r];
			/* floats, away from integers, half-integers and 0 (kinks) */
			float x = (float)adt_away(w->lo, w->hi, 0.5, 0.05), g = NAN;
			adt_check_exact(w->name, k, w->fg(x, &g), w->f(x));
			adt_check(w->name, 10 + k, g, adt_fd1(w->ref, x));
			float xd = (float)adt_uniform(-2, 2), yb = (float)adt_uniform(-2, 2);
			float yd = NAN, xb = 0;
			w->fd(x, xd, &yd);
			adt_check_exact(w->name, 20 + k, w->fb(x, &xb, yb), w->f(x));
			dot(w->name, k, (double)xd * xb, (double)yd * yb);
		}
	for (size_t r = 0; r < sizeof rows2 / sizeof *rows2; r++)
		for (int k = 0; k < 6; k++) {
			const struct row2 *w = &rows2[r];
			float x, y;
			double q;
			do {
				x = (float)adt_uniform(w->xl, w->xh);
				y = (float)adt_uniform(w->yl, w->yh);
				q = (double)x / y;
			} while (fabsf(x - y) < 0.1f || fabsf(x) < 0.1f || fabsf(y) < 0.1f
				|| fabs(q - round(q)) < 0.05);
			float gx = NAN, gy = NAN;
			adt_check_exact(w->name, k, w->fg(x, &gx, y, &gy), w->f(x, y));
			adt_check(w->name, 10 + k, gx, adt_fd2x(w->ref, x, y));
			adt_check(w->name, 20 + k, gy, adt_fd2y(w->ref, x, y));
			float xd = (float)adt_uniform(-2, 2), yd = (float)adt_uniform(-2, 2), t = NAN;
			float rb = (float)adt_uniform(-2, 2), xb = 0, yb = 0;
			w->fd(x, xd, y, yd, &t);
			adt_check_exact(w->name, 30 + k, w->fb(x, &xb, y, &yb, rb), w->f(x, y));
			dot(w->name, k, (double)xd * xb + (double)yd * yb, (double)t * rb);
		}
	return adt_done();
}
#endif

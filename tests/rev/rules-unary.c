// Every one-argument row of the rule table (compiler/rules.h), in double, in
// reverse: F_b's value equals the primal's exactly, the dot-product test
// yd·yb = xd·xb against F_d to 1e-12, F_grad against central finite
// differences, and adjoints of inputs accumulate (+=) into what they held.
// RUN: %adcc %s -o %t.c --header %t.h
// RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
// RUN: %clang -c %t.c -o %t.o
#include <math.h>
#include "adcc.h"

/* the test table: name, expression (as in the functions below), domain, and
 * kink avoidance: points keep `gap` away from multiples of `grid` */
/*      name    expression      domain        grid gap */
#define UNARY(X) \
	X(neg,      -x,             -3,   3,      0,   0) \
	X(sin,      sin(x),         -3,   3,      0,   0) \
	X(cos,      cos(x),         -3,   3,      0,   0) \
	X(tan,      tan(x),         -1.4, 1.4,    0,   0) \
	X(asin,     asin(x),        -0.9, 0.9,    0,   0) \
	X(acos,     acos(x),        -0.9, 0.9,    0,   0) \
	X(atan,     atan(x),        -4,   4,      0,   0) \
	X(sinh,     sinh(x),        -3,   3,      0,   0) \
	X(cosh,     cosh(x),        -3,   3,      0,   0) \
	X(tanh,     tanh(x),        -3,   3,      0,   0) \
	X(asinh,    asinh(x),       -4,   4,      0,   0) \
	X(acosh,    acosh(x),       1.1,  4,      0,   0) \
	X(atanh,    atanh(x),       -0.9, 0.9,    0,   0) \
	X(exp,      exp(x),         -3,   3,      0,   0) \
	X(exp2,     exp2(x),        -3,   3,      0,   0) \
	X(expm1,    expm1(x),       -3,   3,      0,   0) \
	X(log,      log(x),         0.1,  5,      0,   0) \
	X(log2,     log2(x),        0.1,  5,      0,   0) \
	X(log10,    log10(x),       0.1,  5,      0,   0) \
	X(log1p,    log1p(x),       -0.9, 5,      0,   0) \
	X(sqrt,     sqrt(x),        0.1,  5,      0,   0) \
	X(cbrt,     cbrt(x),        -5,   5,      1e9, 0.1) \
	X(fabs,     fabs(x),        -3,   3,      1e9, 0.1) \
	X(floor,    floor(x),       -3,   3,      1,   0.1) \
	X(ceil,     ceil(x),        -3,   3,      1,   0.1) \
	X(round,    round(x),       -3,   3,      0.5, 0.1) \
	X(trunc,    trunc(x),       -3,   3,      1,   0.1) \
	X(erf,      erf(x),         -2,   2,      0,   0) \
	X(erfc,     erfc(x),        -2,   2,      0,   0) \
	X(lgamma,   lgamma(x),      0.2,  5,      0,   0) \
	X(lgammaneg, lgamma(x),     -2.9, -0.1,   1,   0.1) \
	X(tgamma,   tgamma(x),      0.2,  4,      0,   0) \
	X(tgammaneg, tgamma(x),     -2.9, -0.1,   1,   0.1)

/* written out: adcc reads only functions spelled in the file itself */
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_neg(double x) { return -x; }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_sin(double x) { return sin(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_cos(double x) { return cos(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_tan(double x) { return tan(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_asin(double x) { return asin(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_acos(double x) { return acos(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_atan(double x) { return atan(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_sinh(double x) { return sinh(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_cosh(double x) { return cosh(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_tanh(double x) { return tanh(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_asinh(double x) { return asinh(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_acosh(double x) { return acosh(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_atanh(double x) { return atanh(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_exp(double x) { return exp(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_exp2(double x) { return exp2(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_expm1(double x) { return expm1(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_log(double x) { return log(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_log2(double x) { return log2(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_log10(double x) { return log10(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_log1p(double x) { return log1p(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_sqrt(double x) { return sqrt(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_cbrt(double x) { return cbrt(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_fabs(double x) { return fabs(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_floor(double x) { return floor(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_ceil(double x) { return ceil(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_round(double x) { return round(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_trunc(double x) { return trunc(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_erf(double x) { return erf(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_erfc(double x) { return erfc(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_lgamma(double x) { return lgamma(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_lgammaneg(double x) { return lgamma(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_tgamma(double x) { return tgamma(x); }
ADCC_FORWARD("x->return") ADCC_REVERSE("x->return") double u_tgammaneg(double x) { return tgamma(x); }

#ifndef __ADCC__
#include "adtest.h"

#define DECL(n, e, lo, hi, g, gap) \
	double u_##n##_d(double x, double xd, double *retd); \
	double u_##n##_b(double x, double *xb, double retb); \
	double u_##n##_grad(double x, double *xb);
UNARY(DECL)

struct row {
	const char *name;
	double (*f)(double);
	double (*fd)(double, double, double *);
	double (*fb)(double, double *, double);
	double (*fg)(double, double *);
	double lo, hi, grid, gap;
};
#define ROW(n, e, lo, hi, g, gap) {#n, u_##n, u_##n##_d, u_##n##_b, u_##n##_grad, lo, hi, g, gap},
static const struct row rows[] = {UNARY(ROW)};

int main(void)
{
	adt_seed(1);
	for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
		const struct row *w = &rows[r];
		for (int k = 0; k < 8; k++) {
			/* cbrt and fabs: |x| >= 0.1, via a huge grid centred on 0 */
			double x = w->grid == 1e9 ? (adt_rand() < 0.5 ? -1 : 1) * adt_uniform(w->gap, w->hi)
				: w->grid ? adt_away(w->lo, w->hi, w->grid, w->gap)
				: adt_uniform(w->lo, w->hi);
			double xd = adt_uniform(-2, 2), yb = adt_uniform(-2, 2), yd = NAN;
			w->fd(x, xd, &yd);
			/* value and dot product */
			double xb = 0;
			adt_check_exact(w->name, k, w->fb(x, &xb, yb), w->f(x));
			double tol = adt_tol;
			adt_tol = 1e-12;
			adt_check(w->name, 100 + k, xd * xb, yd * yb);
			/* accumulation: xb += J^T yb */
			double c = adt_uniform(-1, 1), xb2 = c;
			w->fb(x, &xb2, yb);
			adt_check(w->name, 200 + k, xb2, c + xb);
			adt_tol = tol;
			/* gradient (overwrites g) against central differences */
			double g = NAN;
			adt_check_exact(w->name, 300 + k, w->fg(x, &g), w->f(x));
			adt_check(w->name, 400 + k, g, adt_fd1(w->f, x));
		}
	}
	return adt_done();
}
#endif

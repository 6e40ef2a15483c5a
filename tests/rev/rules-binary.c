// Every two-argument row of the rule table (compiler/rules.h), in double, in
// reverse: F_b's value is the primal's exactly, each partial alone (seed on
// x or y read from F_grad) against central differences, and the dot-product
// test xd·xb + yd·yb = rd·rb against F_d to 1e-12, at random points away
// from kinks.
// RUN: %adcc %s -o %t.c --header %t.h
// RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
// RUN: %clang -c %t.c -o %t.o
#include <math.h>
#include "adcc.h"

/* the test table: name, x domain, y domain */
#define BINARY(X) \
	X(add,      -3,  3,    -3,  3) \
	X(sub,      -3,  3,    -3,  3) \
	X(mul,      -3,  3,    -3,  3) \
	X(div,      -3,  3,    0.5, 3) \
	X(atan2,    -3,  3,    -3,  3) \
	X(pow,      0.2, 3,    -2,  2) \
	X(hypot,    -3,  3,    -3,  3) \
	X(fmin,     -3,  3,    -3,  3) \
	X(fmax,     -3,  3,    -3,  3) \
	X(fmod,     -5,  5,    0.7, 2) \
	X(fmodneg,  -5,  5,    -2, -0.7) \
	X(copysign, -3,  3,    -3,  3)

ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double b_add(double x, double y) { return x + y; }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double b_sub(double x, double y) { return x - y; }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double b_mul(double x, double y) { return x * y; }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double b_div(double x, double y) { return x / y; }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double b_atan2(double x, double y) { return atan2(x, y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double b_pow(double x, double y) { return pow(x, y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double b_hypot(double x, double y) { return hypot(x, y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double b_fmin(double x, double y) { return fmin(x, y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double b_fmax(double x, double y) { return fmax(x, y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double b_fmod(double x, double y) { return fmod(x, y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double b_fmodneg(double x, double y) { return fmod(x, y); }
ADCC_FORWARD("x,y->return") ADCC_REVERSE("x,y->return") double b_copysign(double x, double y) { return copysign(x, y); }

#ifndef __ADCC__
#include "adtest.h"

#define DECL(n, xl, xh, yl, yh) \
	double b_##n##_d(double x, double xd, double y, double yd, double *retd); \
	double b_##n##_b(double x, double *xb, double y, double *yb, double retb); \
	double b_##n##_grad(double x, double *xb, double y, double *yb);
BINARY(DECL)

struct row {
	const char *name;
	double (*f)(double, double);
	double (*fd)(double, double, double, double, double *);
	double (*fb)(double, double *, double, double *, double);
	double (*fg)(double, double *, double, double *);
	double xl, xh, yl, yh;
};
#define ROW(n, xl, xh, yl, yh) {#n, b_##n, b_##n##_d, b_##n##_b, b_##n##_grad, xl, xh, yl, yh},
static const struct row rows[] = {BINARY(ROW)};

/* away from the kinks: x = y (fmin, fmax), x or y near 0 (copysign,
 * hypot), x/y near an integer (fmod) */
static int near_kink(const char *n, double x, double y)
{
	double q = x / y;
	return fabs(x - y) < 0.1 || fabs(x) < 0.1 || fabs(y) < 0.1
		|| (!strncmp(n, "fmod", 4) && fabs(q - round(q)) < 0.05);
}

int main(void)
{
	adt_seed(2);
	for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
		const struct row *w = &rows[r];
		for (int k = 0; k < 8; k++) {
			double x, y;
			do {
				x = adt_uniform(w->xl, w->xh);
				y = adt_uniform(w->yl, w->yh);
			} while (near_kink(w->name, x, y));
			double dx = adt_fd2x(w->f, x, y), dy = adt_fd2y(w->f, x, y);
			/* gradient: both partials */
			double gx = NAN, gy = NAN;
			adt_check_exact(w->name, k, w->fg(x, &gx, y, &gy), w->f(x, y));
			adt_check(w->name, 10 * k + 1, gx, dx);
			adt_check(w->name, 10 * k + 2, gy, dy);
			/* dot product against the tangent */
			double xd = adt_uniform(-2, 2), yd = adt_uniform(-2, 2), rd = NAN;
			double rb = adt_uniform(-2, 2), xb = 0, yb = 0;
			w->fd(x, xd, y, yd, &rd);
			adt_check_exact(w->name, 10 * k + 3, w->fb(x, &xb, y, &yb, rb), w->f(x, y));
			double tol = adt_tol;
			adt_tol = 1e-12;
			adt_check(w->name, 10 * k + 4, xd * xb + yd * yb, rd * rb);
			adt_tol = tol;
		}
	}
	return adt_done();
}
#endif

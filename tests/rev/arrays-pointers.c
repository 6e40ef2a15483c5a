// Arrays and pointers in reverse: pointer arithmetic (*p++), pointers
// reassigned in a loop (switching between two active arrays), two pointers
// aliasing one block, local arrays (one declared inside a branch), 2-D
// arrays (a local one and a parameter), an output array written through a
// moving pointer.  Values exact, gradients (F_grad, or F_b with unit seeds)
// against central differences, the dot-product test against F_d to 1e-12,
// pure-output adjoints 0 on return; also under the sanitizers.
// RUN: %adcc %s -o %t.c --header %t.h
// RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
// RUN: %cc %san -include %t.h %s %t.c -o %t.san %rt && %t.san
// RUN: %clang -c %t.c -o %t.o
#include <math.h>
#include "adcc.h"

#define N 8

ADCC_FORWARD("x[n], y[n] -> return") ADCC_REVERSE("x[n], y[n] -> return")
double walk(const double *x, const double *y, int n)
{
	const double *p = x, *q = y + n - 1;
	double s = 0;
	for (int i = 0; i < n; i++)
		s += *p++ * *q--;
	/* a pointer reassigned in the loop, to either array */
	const double *r = x;
	for (int i = 0; i < n; i++) {
		s += sin(r[i]) * (i + 1);
		r = (i % 2) ? x : y;
	}
	const double *w = y;
	while (w < y + n - 1) {
		s += w[0] * w[1];
		w += 2;
	}
	return s;
}

/* two pointers into one local block: writes through one are read through
 * the other */
ADCC_FORWARD("x[n] -> return") ADCC_REVERSE("x[n] -> return")
double alias(const double *x, int n)
{
	double buf[2 * N];
	double *lo = buf, *hi = buf + n;
	for (int i = 0; i < n; i++) {
		lo[i] = x[i] * x[i];
		hi[i] = 0;
	}
	double *mid = &buf[n / 2];
	for (int i = 0; i < n; i++)
		mid[i] += cos(x[i]);        /* overlaps lo and hi */
	double s = 0;
	for (int i = 0; i < 2 * n; i++)
		s += buf[i] * (i + 0.5);
	return s;
}

/* local arrays, one declared in a branch */
ADCC_FORWARD("x[n] -> return") ADCC_REVERSE("x[n] -> return")
double locals(const double *x, int n, int mode)
{
	double t[N];
	for (int i = 0; i < n; i++)
		t[i] = exp(x[i] * 0.3);
	double s = 0;
	if (mode) {
		double u[N];
		for (int i = 0; i < n; i++)
			u[i] = t[n - 1 - i] * x[i];
		for (int i = 0; i < n; i++)
			s += u[i] * u[i];
	} else {
		double v[3] = {x[0], 2 * x[1], 0};
		s = v[0] * v[1] + v[2];
	}
	return s + t[0];
}

/* 2-D arrays: a 3x3 parameter and a local 3x3 */
ADCC_FORWARD("a, v -> return") ADCC_REVERSE("a, v -> return")
double quad(const double a[3][3], const double v[3])
{
	double m[3][3];
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++)
			m[i][j] = a[i][j] + a[j][i];
	double s = 0;
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++)
			s += v[i] * m[i][j] * v[j];
	return s;
}

/* an output array written through a moving pointer */
ADCC_FORWARD("x[n] -> out[n]") ADCC_REVERSE("x[n] -> out[n]")
void cumsum(const double *x, double *out, int n)
{
	double acc = 0;
	double *o = out;
	for (const double *p = x; p != x + n; p++) {
		acc += *p;
		*o++ = acc * acc;
	}
}

#ifndef __ADCC__
#include "adtest.h"

static void walk_v(void *c, const double *x, double *y) { (void)c; y[0] = walk(x, x + N, N); }
static void alias_v(void *c, const double *x, double *y) { (void)c; y[0] = alias(x, N); }
static void locals_v(void *c, const double *x, double *y) { y[0] = locals(x, N, *(int *)c); }
static void quad_v(void *c, const double *x, double *y)
{
	(void)c;
	y[0] = quad((const double (*)[3])x, x + 9);
}
static void cumsum_v(void *c, const double *x, double *y) { (void)c; cumsum(x, y, N); }

/* J[j*n + i] = d y_j / d x_i by central differences, column by column */
static void jac_fd(AdtFn f, void *c, int n, const double *x, int m, double *J)
{
	double e[64], col[64];
	for (int i = 0; i < n; i++) {
		memset(e, 0, sizeof e);
		e[i] = 1;
		adt_fd_dir(f, c, n, x, e, m, col);
		for (int j = 0; j < m; j++)
			J[j * n + i] = col[j];
	}
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
	adt_seed(6);
	for (int k = 0; k < 5; k++) {
		double x[2 * N], xd[2 * N], xb[2 * N], g[2 * N], J[N * 2 * N], t, rb;
		adt_fill(x, 2 * N, -1, 1);
		adt_fill(xd, 2 * N, -1, 1);
		rb = adt_uniform(-1, 1);

		/* walk */
		adt_check_exact("walk", k, walk_grad(x, g, x + N, g + N, N), walk(x, x + N, N));
		jac_fd(walk_v, NULL, 2 * N, x, 1, J);
		adt_check_array("walk grad", 2 * N, g, J);
		walk_d(x, xd, x + N, xd + N, N, &t);
		memset(xb, 0, sizeof xb);
		adt_check_exact("walk_b", k, walk_b(x, xb, x + N, xb + N, N, rb), walk(x, x + N, N));
		dot("walk dot", k, adt_dot(2 * N, xd, xb), t * rb);

		/* alias */
		adt_check_exact("alias", k, alias_grad(x, g, N), alias(x, N));
		jac_fd(alias_v, NULL, N, x, 1, J);
		adt_check_array("alias grad", N, g, J);
		alias_d(x, xd, N, &t);
		memset(xb, 0, sizeof xb);
		adt_check_exact("alias_b", k, alias_b(x, xb, N, rb), alias(x, N));
		dot("alias dot", k, adt_dot(N, xd, xb), t * rb);

		/* locals, both branches */
		for (int mode = 0; mode < 2; mode++) {
			adt_check_exact("locals", 2 * k + mode, locals_grad(x, g, N, mode), locals(x, N, mode));
			jac_fd(locals_v, &mode, N, x, 1, J);
			adt_check_array("locals grad", N, g, J);
			locals_d(x, xd, N, mode, &t);
			memset(xb, 0, sizeof xb);
			adt_check_exact("locals_b", 2 * k + mode, locals_b(x, xb, N, mode, rb), locals(x, N, mode));
			dot("locals dot", 2 * k + mode, adt_dot(N, xd, xb), t * rb);
		}

		/* quad: no F_grad (no extents in the request); F_b with seed 1 */
		const double (*a)[3] = (const double (*)[3])x;
		memset(xb, 0, sizeof xb);
		adt_check_exact("quad_b", k, quad_b(a, (double (*)[3])xb, x + 9, xb + 9, 1), quad(a, x + 9));
		jac_fd(quad_v, NULL, 12, x, 1, J);
		adt_check_array("quad grad", 12, xb, J);
		quad_d(a, (const double (*)[3])xd, x + 9, xd + 9, &t);
		memset(xb, 0, sizeof xb);
		quad_b(a, (double (*)[3])xb, x + 9, xb + 9, rb);
		dot("quad dot", k, adt_dot(12, xd, xb), t * rb);

		/* cumsum: out is a pure output */
		double y[N], yref[N], yd[N], yb[N], ybk[N];
		cumsum(x, yref, N);
		cumsum_d(x, xd, y, yd, N);
		adt_fill(yb, N, -1, 1);
		memcpy(ybk, yb, sizeof yb);
		memset(xb, 0, sizeof xb);
		for (int i = 0; i < N; i++)
			y[i] = 123;
		cumsum_b(x, xb, y, yb, N);
		adt_check_array_exact("cumsum_b out", N, y, yref);
		for (int i = 0; i < N; i++)
			adt_check_exact("cumsum pure output adjoint", i, yb[i], 0);
		dot("cumsum dot", k, adt_dot(N, xd, xb), adt_dot(N, yd, ybk));
		/* rows of the Jacobian from unit seeds */
		jac_fd(cumsum_v, NULL, N, x, N, J);
		for (int j = 0; j < N; j++) {
			memset(yb, 0, sizeof yb);
			yb[j] = 1;
			memset(xb, 0, sizeof xb);
			cumsum_b(x, xb, y, yb, N);
			adt_check_array("cumsum row", N, xb, J + j * N);
		}
	}
	return adt_done();
}
#endif

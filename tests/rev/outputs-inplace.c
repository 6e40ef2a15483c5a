// Outputs in reverse: several outputs through pointer parameters plus the
// return value, an in/out array (`f:y->y`: on entry yb holds the adjoint of
// y's exit value, on return that of its entry value), a pure output (its
// adjoint is 0 on return), and an inactive parameter left out of the
// request, which gets no companion: no `wb` anywhere in the file.
/* RUN: %adcc %s --forward 'polar2:r,phi->px,py,return' --forward 'smooth:y->y' \
 * RUN:   --forward 'weighted:x->return' --forward 'affine:x,b->y' \
 * RUN:   --reverse 'polar2:r,phi->px,py,return' --reverse 'smooth:y->y' \
 * RUN:   --reverse 'weighted:x->return' --reverse 'affine:x,b->y' -o %t.c --header %t.h
 */
// RUN: FileCheck %s < %t.c
// RUN: not grep -w wb %t.c
// RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
// RUN: %clang -c %t.c -o %t.o
#include <math.h>

// CHECK-LABEL: double polar2_b(double r, double *rb, double phi, double *phib, double *px, double *pxb, double *py, double *pyb, double retb){{$}}
double polar2(double r, double phi, double *px, double *py)
{
	*px = r * cos(phi);
	*py = r * sin(phi);
	return r * r;
}

/* in/out: three sweeps of a 3-point smoother */
// CHECK-LABEL: void smooth_b(double *y, double *yb, int n, double a){{$}}
void smooth(double *y, int n, double a)
{
	for (int s = 0; s < 3; s++) {
		double prev = y[0];
		for (int i = 1; i < n - 1; i++) {
			double cur = y[i];
			y[i] = a * prev + (1 - 2 * a) * cur + a * y[i + 1] + 0.1 * cur * cur;
			prev = cur;
		}
	}
}

/* w is a floating-point parameter not in the request: inactive */
// CHECK-LABEL: double weighted_b(const double *x, double *xb, const double *w, int n, double retb){{$}}
double weighted(const double *x, const double *w, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += w[i] * x[i] * x[i];
	return s;
}

/* y = A x + b, A inactive, y a pure output */
// CHECK-LABEL: void affine_b(const double *a, const double *x, double *xb, const double *b, double *bb, double *y, double *yb, int n){{$}}
void affine(const double *a, const double *x, const double *b, double *y, int n)
{
	for (int i = 0; i < n; i++) {
		y[i] = b[i];
		for (int j = 0; j < n; j++)
			y[i] += a[i * n + j] * x[j];
	}
}

#ifndef __ADCC__
#include "adtest.h"

enum { N = 6 };
static double A[N * N], W[N];

static void polar2_v(void *c, const double *x, double *y)
{
	(void)c;
	y[2] = polar2(x[0], x[1], &y[0], &y[1]);
}
static void smooth_v(void *c, const double *x, double *y)
{
	(void)c;
	memcpy(y, x, sizeof(double) * N);
	smooth(y, N, 0.3);
}
static void weighted_v(void *c, const double *x, double *y) { (void)c; y[0] = weighted(x, W, N); }
static void affine_v(void *c, const double *x, double *y) { (void)c; affine(A, x, x + N, y, N); }

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
	adt_seed(9);
	adt_fill(A, N * N, -1, 1);
	adt_fill(W, N, 0, 1);
	for (int k = 0; k < 5; k++) {
		double x[2 * N], xd[2 * N], xb[2 * N], J[4 * N * N], y[N], yd[N], yb[N], w[N], y0[N], t;
		adt_fill(x, 2 * N, -1, 1);
		adt_fill(xd, 2 * N, -1, 1);

		/* polar2: px, py and the return value; px, py pure outputs */
		double got[3], want[3], od[3], ob[3], pb[2];
		got[2] = polar2_d(x[0], xd[0], x[1], xd[1], &got[0], &od[0], &got[1], &od[1], &od[2]);
		polar2_v(NULL, x, want);
		adt_fill(ob, 3, -1, 1);
		double pxb = ob[0], pyb = ob[1], rb = 0, phib = 0;
		got[0] = got[1] = NAN;
		got[2] = polar2_b(x[0], &rb, x[1], &phib, &got[0], &pxb, &got[1], &pyb, ob[2]);
		adt_check_array_exact("polar2_b", 3, got, want);
		adt_check_exact("polar2 pxb", k, pxb, 0);
		adt_check_exact("polar2 pyb", k, pyb, 0);
		dot("polar2 dot", k, xd[0] * rb + xd[1] * phib, adt_dot(3, od, ob));
		jac_fd(polar2_v, NULL, 2, x, 3, J);
		for (int j = 0; j < 3; j++) {
			double s[3] = {0, 0, 0};
			s[j] = 1;
			pb[0] = pb[1] = 0;
			polar2_b(x[0], &pb[0], x[1], &pb[1], &got[0], &s[0], &got[1], &s[1], s[2]);
			adt_check_array("polar2 row", 2, pb, J + 2 * j);
		}

		/* smooth: y in/out */
		memcpy(y, x, sizeof y);
		memcpy(yd, xd, sizeof yd);
		smooth_d(y, yd, N, 0.3);
		smooth_v(NULL, x, y0);
		adt_fill(w, N, -1, 1);
		memcpy(y, x, sizeof y);
		memcpy(yb, w, sizeof yb);
		smooth_b(y, yb, N, 0.3);
		adt_check_array_exact("smooth_b", N, y, y0);
		dot("smooth dot", k, adt_dot(N, xd, yb), adt_dot(N, yd, w));
		jac_fd(smooth_v, NULL, N, x, N, J);
		for (int j = 0; j < N; j++) {
			memcpy(y, x, sizeof y);
			memset(yb, 0, sizeof yb);
			yb[j] = 1;
			smooth_b(y, yb, N, 0.3);
			adt_check_array("smooth row", N, yb, J + j * N);
		}

		/* weighted: no F_grad (no extent in the request); F_b with seed 1 */
		memset(xb, 0, sizeof xb);
		adt_check_exact("weighted_b", k, weighted_b(x, xb, W, N, 1), weighted(x, W, N));
		jac_fd(weighted_v, NULL, N, x, 1, J);
		adt_check_array("weighted grad", N, xb, J);
		weighted_d(x, xd, W, N, &t);
		double sb = adt_uniform(-1, 1);
		memset(xb, 0, sizeof xb);
		weighted_b(x, xb, W, N, sb);
		dot("weighted dot", k, adt_dot(N, xd, xb), t * sb);

		/* affine: y a pure output */
		affine_d(A, x, xd, x + N, xd + N, y, yd, N);
		affine(A, x, x + N, y0, N);
		adt_fill(w, N, -1, 1);
		memcpy(yb, w, sizeof yb);
		memset(xb, 0, sizeof xb);
		for (int i = 0; i < N; i++)
			y[i] = NAN;
		affine_b(A, x, xb, x + N, xb + N, y, yb, N);
		adt_check_array_exact("affine_b", N, y, y0);
		for (int i = 0; i < N; i++)
			adt_check_exact("affine pure output adjoint", i, yb[i], 0);
		dot("affine dot", k, adt_dot(2 * N, xd, xb), adt_dot(N, yd, w));
		jac_fd(affine_v, NULL, 2 * N, x, N, J);
		for (int j = 0; j < N; j++) {
			memset(yb, 0, sizeof yb);
			yb[j] = 1;
			memset(xb, 0, sizeof xb);
			affine_b(A, x, xb, x + N, xb + N, y, yb, N);
			adt_check_array("affine row", 2 * N, xb, J + j * 2 * N);
		}
	}
	return adt_done();
}
#endif

// Outputs: several outputs through pointer parameters plus the return
// value, an in/out array (`f:y->y`), and an inactive parameter left out of
// the request, which gets no companion: no `wd` anywhere in the file.
/* RUN: %adcc %s --forward 'polar2:r,phi->px,py,return' --forward 'smooth:y->y' \
 * RUN:   --forward 'weighted:x->return' --forward 'affine:x,b->y' -o %t.d.c --header %t.d.h
 */
// RUN: FileCheck %s < %t.d.c
// RUN: not grep -w wd %t.d.c
// RUN: %cc -include %t.d.h %s %t.d.c -o %t %rt && %t
// RUN: %clang -c %t.d.c -o %t.o
#include <math.h>

// CHECK-LABEL: double polar2_d(double r, double rd, double phi, double phid, double *px, double *pxd, double *py, double *pyd, double *retd){{$}}
double polar2(double r, double phi, double *px, double *py)
{
	*px = r * cos(phi);
	*py = r * sin(phi);
	return r * r;
}

/* in/out: three sweeps of a 3-point smoother */
// CHECK-LABEL: void smooth_d(double *y, double *yd, int n, double a){{$}}
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
// CHECK-LABEL: double weighted_d(const double *x, const double *xd, const double *w, int n, double *retd){{$}}
double weighted(const double *x, const double *w, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += w[i] * x[i] * x[i];
	return s;
}

/* y = A x + b, A inactive, y a pure output */
// CHECK-LABEL: void affine_d(const double *a, const double *x, const double *xd, const double *b, const double *bd, double *y, double *yd, int n){{$}}
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

double polar2_d(double r, double rd, double phi, double phid, double *px, double *pxd,
	double *py, double *pyd, double *retd);
void smooth_d(double *y, double *yd, int n, double a);
double weighted_d(const double *x, const double *xd, const double *w, int n, double *retd);
void affine_d(const double *a, const double *x, const double *xd, const double *b,
	const double *bd, double *y, double *yd, int n);

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

int main(void)
{
	adt_seed(9);
	adt_fill(A, N * N, -1, 1);
	adt_fill(W, N, 0, 1);
	for (int k = 0; k < 5; k++) {
		double x[2 * N], xd[2 * N], fd[2 * N], y[N], yd[N], y0[N], t;
		adt_fill(x, 2 * N, -1, 1);
		adt_fill(xd, 2 * N, -1, 1);

		double got[3], want[3];
		got[2] = polar2_d(x[0], xd[0], x[1], xd[1], &got[0], &t, &got[1], &yd[1], &yd[2]);
		yd[0] = t;
		polar2_v(NULL, x, want);
		adt_check_array_exact("polar2", 3, got, want);
		adt_fd_dir(polar2_v, NULL, 2, x, xd, 3, fd);
		adt_check_array("polar2'", 3, yd, fd);

		memcpy(y, x, sizeof y);
		memcpy(yd, xd, sizeof yd);
		smooth_d(y, yd, N, 0.3);
		smooth_v(NULL, x, y0);
		adt_check_array_exact("smooth", N, y, y0);
		adt_fd_dir(smooth_v, NULL, N, x, xd, N, fd);
		adt_check_array("smooth'", N, yd, fd);

		adt_check_exact("weighted", k, weighted_d(x, xd, W, N, &t), weighted(x, W, N));
		adt_fd_dir(weighted_v, NULL, N, x, xd, 1, fd);
		adt_check("weighted'", k, t, fd[0]);

		for (int i = 0; i < N; i++)
			yd[i] = NAN;      /* a pure output's entry tangent does not matter */
		affine_d(A, x, xd, x + N, xd + N, y, yd, N);
		affine(A, x, x + N, y0, N);
		adt_check_array_exact("affine", N, y, y0);
		adt_fd_dir(affine_v, NULL, 2 * N, x, xd, N, fd);
		adt_check_array("affine'", N, yd, fd);
	}
	return adt_done();
}
#endif

// Arrays and pointers: pointer arithmetic (*p++), pointers reassigned in a
// loop (switching between two active arrays), two pointers aliasing one
// block, local arrays (one declared inside a branch), 2-D arrays (a local
// one and a parameter), an output array written through a moving pointer.
// RUN: %adcc %s -o %t.d.c --header %t.d.h
// RUN: %cc -include %t.d.h %s %t.d.c -o %t %rt && %t
// RUN: %cc %san -include %t.d.h %s %t.d.c -o %t.san %rt && %t.san
// RUN: %clang -c %t.d.c -o %t.o
#include <math.h>
#include "adcc.h"

#define N 8

ADCC_FORWARD("x[n], y[n] -> return")
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
ADCC_FORWARD("x[n] -> return")
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
ADCC_FORWARD("x[n] -> return")
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
ADCC_FORWARD("a, v -> return")
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
ADCC_FORWARD("x[n] -> out[n]")
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

double walk_d(const double *x, const double *xd, const double *y, const double *yd, int n, double *retd);
double alias_d(const double *x, const double *xd, int n, double *retd);
double locals_d(const double *x, const double *xd, int n, int mode, double *retd);
double quad_d(const double (*a)[3], const double (*ad)[3], const double *v, const double *vd, double *retd);
void cumsum_d(const double *x, const double *xd, double *out, double *outd, int n);

static void walk_v(void *c, const double *x, double *y) { (void)c; y[0] = walk(x, x + N, N); }
static void alias_v(void *c, const double *x, double *y) { (void)c; y[0] = alias(x, N); }
static void locals_v(void *c, const double *x, double *y) { y[0] = locals(x, N, *(int *)c); }
static void quad_v(void *c, const double *x, double *y)
{
	(void)c;
	y[0] = quad((const double (*)[3])x, x + 9);
}
static void cumsum_v(void *c, const double *x, double *y) { (void)c; cumsum(x, y, N); }

int main(void)
{
	adt_seed(6);
	for (int k = 0; k < 5; k++) {
		double x[2 * N], xd[2 * N], y[N], yd[N], fd[N], t;
		adt_fill(x, 2 * N, -1, 1);
		adt_fill(xd, 2 * N, -1, 1);
		adt_check_exact("walk", k, walk_d(x, xd, x + N, xd + N, N, &t), walk(x, x + N, N));
		adt_fd_dir(walk_v, NULL, 2 * N, x, xd, 1, fd);
		adt_check("walk'", k, t, fd[0]);

		adt_check_exact("alias", k, alias_d(x, xd, N, &t), alias(x, N));
		adt_fd_dir(alias_v, NULL, N, x, xd, 1, fd);
		adt_check("alias'", k, t, fd[0]);

		for (int mode = 0; mode < 2; mode++) {
			adt_check_exact("locals", k, locals_d(x, xd, N, mode, &t), locals(x, N, mode));
			adt_fd_dir(locals_v, &mode, N, x, xd, 1, fd);
			adt_check("locals'", 2 * k + mode, t, fd[0]);
		}

		double (*a)[3] = (double (*)[3])x, (*ad)[3] = (double (*)[3])xd;
		adt_check_exact("quad", k, quad_d((const double (*)[3])a, (const double (*)[3])ad,
			x + 9, xd + 9, &t), quad((const double (*)[3])a, x + 9));
		adt_fd_dir(quad_v, NULL, 12, x, xd, 1, fd);
		adt_check("quad'", k, t, fd[0]);

		double yref[N];
		for (int i = 0; i < N; i++)
			yd[i] = 123;          /* a pure output: overwritten */
		cumsum_d(x, xd, y, yd, N);
		cumsum(x, yref, N);
		adt_check_array_exact("cumsum", N, y, yref);
		adt_fd_dir(cumsum_v, NULL, N, x, xd, N, fd);
		adt_check_array("cumsum'", N, yd, fd);
	}
	return adt_done();
}
#endif

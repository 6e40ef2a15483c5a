/* Vector forward mode: F_dv with nd directions against F_d run once per
 * direction, column by column (relative 1e-13), over loops with carried
 * values, branches, break and early return, math calls, helper calls, local
 * and malloc'd arrays, outputs through pointers and in-place updates.
RUN: %adcc %s -o %t.d.c --header %t.d.h
RUN: %cc -include %t.d.h %s %t.d.c -o %t %rt && %t
RUN: %clang -c %t.d.c -o %t.o
RUN: FileCheck %s < %t.d.c
*/
#include <math.h>
#include <stdlib.h>
#include "adcc.h"

static double sq(double v) { return v * v; }

/* The signature of DESIGN.md §5, and direction loops innermost:
   CHECK-LABEL: double mix_dv(double a, const double *ad, const double *x, const double *xd, int n, double *retd, int nd)
   CHECK: for (long k = 0L; k < {{.*}}; k++) {
   CHECK: tmpd[{{.*}} + k] = {{.*}} * ad[k];
*/
ADCC_FORWARD("a, x -> return")
ADCC_VECTOR("a, x -> return")
double mix(double a, const double *x, int n)
{
	double s = 0, p = 1;
	double tmp[4];
	for (int i = 0; i < 4; i++)
		tmp[i] = a * i;
	for (int i = 0; i < n; i++) {
		if (x[i] > 0)
			s += sin(x[i]) * a + sq(x[i] * tmp[i % 4]);
		else
			s -= exp(x[i] * a) / (1 + x[i] * x[i]);
		p = p * 0.5 + x[i] * s;
		if (s > 1e6)
			break;
	}
	if (p < -1e9)
		return 0;
	return s * p + pow(fabs(a) + 1, 1.5);
}

/* outputs through a pointer, in-place update, malloc'd scratch, while */
ADCC_FORWARD("x, y -> y")
ADCC_VECTOR("x, y -> y")
void smooth(const double *x, double *y, int n)
{
	double *w = malloc(n * sizeof(double));
	for (int i = 0; i < n; i++)
		w[i] = tanh(x[i]) * y[i];
	int i = 1;
	while (i < n - 1) {
		y[i] = 0.25 * w[i - 1] + 0.5 * w[i] + 0.25 * w[i + 1];
		i++;
	}
	double c = y[0];
	do {
		c = c * 0.5 + y[n - 1];
	} while (c > 10);
	y[0] = c;
	free(w);
}

#ifndef __ADCC__
#include "adtest.h"
enum { N = 7, ND = 5 };

int main(void)
{
	adt_seed(7);
	adt_tol = 1e-13;
	for (int trial = 0; trial < 4; trial++) {
		double a = adt_uniform(-1, 1), x[N], ad[ND], xd[N * ND], retd[ND];
		adt_fill(x, N, -1.5, 1.5);
		adt_fill(ad, ND, -1, 1);
		adt_fill(xd, N * ND, -1, 1);
		double v = mix_dv(a, ad, x, xd, N, retd, ND);
		for (int k = 0; k < ND; k++) {
			double xk[N], rd;
			for (int i = 0; i < N; i++)
				xk[i] = xd[i * ND + k];
			double v1 = mix_d(a, ad[k], x, xk, N, &rd);
			adt_check_exact("mix value", k, v, v1);
			adt_check("mix_dv column", k, retd[k], rd);
		}
		double y[N], yd[N * ND], y1[N], y1d[N];
		adt_fill(y, N, -2, 2);
		adt_fill(yd, N * ND, -1, 1);
		double yv[N], ydv[N * ND];
		for (int i = 0; i < N; i++)
			yv[i] = y[i];
		for (int i = 0; i < N * ND; i++)
			ydv[i] = yd[i];
		smooth_dv(x, xd, yv, ydv, N, ND);
		for (int k = 0; k < ND; k++) {
			double xk[N];
			for (int i = 0; i < N; i++) {
				xk[i] = xd[i * ND + k];
				y1[i] = y[i];
				y1d[i] = yd[i * ND + k];
			}
			smooth_d(x, xk, y1, y1d, N);
			for (int i = 0; i < N; i++) {
				adt_check_exact("smooth value", i, yv[i], y1[i]);
				adt_check("smooth_dv column", i * ND + k, ydv[i * ND + k], y1d[i]);
			}
		}
	}
	return adt_done();
}
#endif

/* Vector forward mode runs straight-line loops that carry a tangent two
 * iterations per trip (unroll and jam), then at most one more: F_dv must
 * match F_d exactly in every direction for empty, odd, even and negative
 * trip counts and nonzero starts, with pointers and several values carried.
RUN: %adcc %s -o %t.d.c --header %t.d.h
RUN: FileCheck %s < %t.d.c
RUN: %cc -include %t.d.h %s %t.d.c -o %t %rt && %t
RUN: %cc %san -include %t.d.h %s %t.d.c -o %t.san %rt && %t.san
RUN: %clang -c %t.d.c -o %t.o
*/
#include <math.h>
#include "adcc.h"

/* Two trips share one direction loop, the second iteration's tangent
   starting from the first's in a register:
   CHECK-LABEL: double wsum_dv({{.*}}){{$}}
   CHECK: for (int i = lo; i < [[MID:t[0-9]+]]; i += 2) {
   CHECK: for (long k = 0L; k < t0; k++) {
   CHECK: double [[S1:t[0-9]+]] = sd[k] +
   CHECK-NOT: }
   CHECK: = [[S1]] +
   CHECK: for (int i = [[MID]]; i < hi; i++) {
*/
ADCC_FORWARD("x, w -> return")
ADCC_VECTOR("x, w -> return")
double wsum(const double *x, const double *w, int lo, int hi)
{
	double s = 0, p = 1;
	const double *q = w + lo;
	for (int i = lo; i < hi; i++) {
		s += x[i] * *q;
		p *= 1 + 0.1 * sin(x[i] * s);
		q++;
	}
	return s * p;
}

/* a loop that carries no tangent stays as it is
   CHECK-LABEL: void scale_dv({{.*}}){{$}}
   CHECK-NOT: += 2
   CHECK: }
*/
ADCC_FORWARD("x -> y")
ADCC_VECTOR("x -> y")
void scale(const double *x, double *y, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = 2 * x[i];
}

#ifndef __ADCC__
#include "adtest.h"

enum { N = 11, ND = 4 };

int main(void)
{
	static const int range[][2] = {
		{0, 0}, {0, 1}, {0, 2}, {0, 7}, {0, 10}, {2, 9}, {3, 11}, {5, 2}, {4, 4},
	};
	adt_seed(3);
	adt_tol = 1e-13;
	for (unsigned r = 0; r < sizeof range / sizeof range[0]; r++) {
		int lo = range[r][0], hi = range[r][1];
		double x[N], w[N], xd[N * ND], wd[N * ND], retd[ND], rd;
		adt_fill(x, N, -1, 1);
		adt_fill(w, N, -1, 1);
		adt_fill(xd, N * ND, -1, 1);
		adt_fill(wd, N * ND, -1, 1);
		double v = wsum_dv(x, xd, w, wd, lo, hi, retd, ND);
		for (int k = 0; k < ND; k++) {
			double x1[N], w1[N];
			for (int i = 0; i < N; i++)
				x1[i] = xd[i * ND + k], w1[i] = wd[i * ND + k];
			adt_check_exact("wsum value", (int)r, v, wsum_d(x, x1, w, w1, lo, hi, &rd));
			adt_check_exact("wsum_dv vs wsum_d", (int)r * ND + k, retd[k], rd);
		}
	}
	double x[N], xd[N * ND], y[N], yd[N * ND];
	adt_fill(x, N, -1, 1);
	adt_fill(xd, N * ND, -1, 1);
	scale_dv(x, xd, y, yd, N, ND);
	for (int i = 0; i < N * ND; i++)
		adt_check_exact("scale_dv", i, yd[i], 2 * xd[i]);
	return adt_done();
}
#endif

// memset, memcpy and overlapping memmove of memory with derivatives, in a
// heap block and a local array: the gradient against central differences
// and the dot-product test against the tangent.
// RUN: %adcc %s --forward 'f:x[n]->return' --reverse 'f:x[n]->return' -o %t.c --header %t.h
// RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
#include <math.h>
#include <stdlib.h>
#include <string.h>

double f(const double *x, int n)
{
	double *b = malloc(sizeof(double) * (size_t)(2 * n));
	memset(b, 0, sizeof(double) * (size_t)(2 * n));
	memcpy(b + 1, x, sizeof(double) * (size_t)n);
	double s = 0;
	for (int i = 0; i < 2 * n; i++)
		s += b[i] * b[i] * (i + 1);
	memmove(b + 2, b, sizeof(double) * (size_t)n);   /* overlapping */
	double loc[8];
	memcpy(loc, b, sizeof loc);
	memset(loc + 2, 0, 3 * sizeof(double));          /* kills their adjoints */
	for (int i = 0; i < 8; i++)
		s += sin(loc[i]) * b[i];
	free(b);
	return s;
}

#ifndef __ADCC__
#include "adtest.h"

enum { N = 6 };

static void fv(void *c, const double *in, double *out)
{
	(void)c;
	out[0] = f(in, N);
}

int main(void)
{
	adt_seed(31);
	for (int k = 0; k < 4; k++) {
		double x[N], xd[N], g[N], fd[N], e[N];
		adt_fill(x, N, -1, 1);
		adt_fill(xd, N, -1, 1);
		double v = f_grad(x, g, N);
		adt_check_exact("value", k, v, f(x, N));
		for (int i = 0; i < N; i++) {
			memset(e, 0, sizeof e);
			e[i] = 1;
			adt_fd_dir(fv, NULL, N, x, e, 1, &fd[i]);
		}
		adt_check_array("grad", N, g, fd);
		double yd;
		f_d(x, xd, N, &yd);
		double tol = adt_tol;
		adt_tol = 1e-12;
		adt_check("dot", k, adt_dot(N, xd, g), yd);
		adt_tol = tol;
	}
	return adt_done();
}
#endif

// Calls under both strategies (a loop-free scalar function recomputed, array
// functions taped), malloc'd scratch with memcpy, a struct parameter, while
// and do-while loops, a local array: gradient against central differences.
// RUN: %adcc %s --reverse 'g:x[n],p->return' -o %t.c --header %t.h
// RUN: %cc -DHDR='"%t.h"' %s %t.c -o %t %rt && %t
// RUN: %adcc %s --calls=tape --reverse 'g:x[n],p->return' -o %t.t.c --header %t.t.h
// RUN: %cc -DHDR='"%t.t.h"' %s %t.t.c -o %t.t %rt && %t.t
// RUN: %adcc %s --calls=recompute --reverse 'g:x[n],p->return' -o %t.r.c --header %t.r.h
// RUN: %cc -DHDR='"%t.r.h"' %s %t.r.c -o %t.r %rt && %t.r
#include <math.h>
#include <stdlib.h>
#include <string.h>
static double sq(double u) { return u * u; }
static double dot(const double *a, const double *b, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += a[i] * b[i];
	return s;
}
static void scale(double *v, double c, int n)
{
	for (int i = 0; i < n; i++)
		v[i] = v[i] * c;
}
typedef struct { double w; double b[2]; } P;
double g(double *x, int n, P *p)
{
	double *t = malloc(sizeof(double) * n);
	memcpy(t, x, sizeof(double) * n);
	scale(t, sq(p->w), n);
	double r = dot(t, x, n);
	int k = 0;
	double z = 1;
	while (z < 5 && k < 100) {
		z = z * (1.5 + p->b[0] * p->b[0]);
		k++;
	}
	double loc[3];
	for (int i = 0; i < 3; i++)
		loc[i] = x[i] * p->b[1];
	do { z = z - 0.5 * loc[k % 3]; k--; } while (k > 0);
	free(t);
	return r * z + sin(r);
}

#ifndef __ADCC__
#include HDR
#include "adcc_rt.h"
#include "adtest.h"

enum { N = 5 };

static void gv(void *c, const double *in, double *out)
{
	(void)c;
	double x[N];
	memcpy(x, in, sizeof x);
	P p = {in[N], {in[N + 1], in[N + 2]}};
	out[0] = g(x, N, &p);
}

int main(void)
{
	adt_seed(5);
	for (int k = 0; k < 5; k++) {
		double in[N + 3], x[N], xb[N] = {0};
		adt_fill(in, N + 3, -0.8, 0.8);
		memcpy(x, in, sizeof x);
		P p = {in[N], {in[N + 1], in[N + 2]}}, pb = {0, {0, 0}};
		double v = g_b(x, xb, N, &p, &pb, 1.0);
		double want[1];
		gv(NULL, in, want);
		adt_check_exact("value", k, v, want[0]);
		double grad[N + 3] = {0}, e[N + 3];
		memcpy(grad, xb, sizeof xb);
		grad[N] = pb.w, grad[N + 1] = pb.b[0], grad[N + 2] = pb.b[1];
		for (int i = 0; i < N + 3; i++) {
			double o;
			memset(e, 0, sizeof e);
			e[i] = 1;
			adt_fd_dir(gv, NULL, N + 3, in, e, 1, &o);
			adt_check("grad", i, grad[i], o);
		}
		AdccTapeStats st;
		adcc_tape_stats(&st);
		adt_check_exact("tape empty", k, (double)st.bytes, 0);
	}
	return adt_done();
}
#endif

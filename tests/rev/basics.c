// A loop with a carried sum, an in-loop output array, a branch on an active
// value and math calls: the gradient against central differences and the
// dot-product test <F_d(xd), yb> = <xd, F_b(yb)>.
// RUN: %adcc %s --forward 'f:a,x[n]->return,y' --reverse 'f:a,x[n]->return,y' -o %t.c --header %t.h
// RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
// RUN: %adcc %s --reverse 'f:a,x[n]->return' -o %t.g.c --header %t.g.h
// RUN: %cc -DGRAD -include %t.g.h %s %t.g.c -o %t.g %rt && %t.g
#include <math.h>

double f(double a, const double *x, double *y, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++) {
		s += x[i] * x[i] * a;
		y[i] = sin(x[i]) * s;
	}
	if (s > 1)
		s = s * a;
	return exp(s) / a;
}

#ifndef __ADCC__
#include "adtest.h"

enum { N = 6 };

static void fv(void *c, const double *in, double *out)
{
	(void)c;
	out[N] = f(in[0], in + 1, out, N);
}

int main(void)
{
	adt_seed(3);
	for (int k = 0; k < 5; k++) {
		double in[N + 1], ind[N + 1], out[N + 1], outd[N + 1], outb[N + 1], inb[N + 1];
		adt_fill(in, N + 1, -0.6, 0.9);
		in[0] = adt_uniform(0.5, 1.5);
		adt_fill(ind, N + 1, -1, 1);
		adt_fill(outb, N + 1, -1, 1);
#ifdef GRAD
		double g[N + 1], fd[N + 1], e[N + 1], y[N];
		double v = f_grad(in[0], &g[0], in + 1, g + 1, y, N);
		adt_check_exact("value", k, v, f(in[0], in + 1, y, N));
		for (int i = 0; i <= N; i++) {
			memset(e, 0, sizeof e);
			e[i] = 1;
			double o[N + 1];
			adt_fd_dir(fv, NULL, N + 1, in, e, N + 1, o);
			fd[i] = o[N];
		}
		adt_check_array("grad", N + 1, g, fd);
		(void)ind, (void)out, (void)outd, (void)outb, (void)inb;
#else
		/* forward: outd = J ind */
		double rd;
		out[N] = f_d(in[0], ind[0], in + 1, ind + 1, out, outd, N, &rd);
		outd[N] = rd;
		double fd[N + 1];
		adt_fd_dir(fv, NULL, N + 1, in, ind, N + 1, fd);
		adt_check_array("tangent", N + 1, outd, fd);
		/* reverse: inb = J^T outb (adjoints of inputs accumulate from 0) */
		double yb[N], y2[N];
		memcpy(yb, outb, sizeof yb);
		memset(inb, 0, sizeof inb);
		double v = f_b(in[0], &inb[0], in + 1, inb + 1, y2, yb, N, outb[N]);
		adt_check_exact("value", k, v, out[N]);
		adt_check_array_exact("primal y", N, y2, out);
		for (int i = 0; i < N; i++)
			adt_check_exact("pure output adjoint", i, yb[i], 0);
		double lhs = adt_dot(N + 1, outd, outb), rhs = adt_dot(N + 1, ind, inb);
		double tol = adt_tol;
		adt_tol = 1e-12;
		adt_check("dot", k, rhs, lhs);
		adt_tol = tol;
#endif
	}
	return adt_done();
}
#endif

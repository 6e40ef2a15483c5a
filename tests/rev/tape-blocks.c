// What a layer called once per sample records: its input array (read-only
// in the callee, overwritten by the caller afterwards) once per call as a
// block, the tanh results once per output, and nothing for the weights (an
// input nobody writes); the counter k, carried next to the inner index j,
// is recomputed from j and recorded once per outer iteration.
// Exact counts from the tape statistics, and the gradient against the
// tangent (dot-product test).
// RUN: %adcc %s --forward 'net:w[m*n],x[nb*n]->return' --reverse 'net:w[m*n],x[nb*n]->return' -o %t.c --header %t.h
// RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
// RUN: %adcc %s --reverse 'net:w[m*n],x[nb*n]->return' | FileCheck %s
// CHECK: static double head5_fwd(
// CHECK: adcc_push_f64_n(
#include <math.h>

static void layer(int m, int n, const double *w, const double *in, double *out)
{
	int k = 0;
	for (int i = 0; i < m; i++) {
		double s = 0;
		for (int j = 0; j < n; j++) {
			s += w[k] * in[j];
			k++;
		}
		out[i] = tanh(s);
	}
}

/* a constant `<=` bound: the block is in[0..4] */
static double head5(const double *in)
{
	double s = 0;
	for (int j = 0; j <= 4; j++)
		s += in[j] * in[j] * in[j];
	return s;
}

double net(int nb, int m, int n, const double *w, const double *x)
{
	double in[16], out[16];
	double loss = 0;
	for (int b = 0; b < nb; b++) {
		for (int j = 0; j < n; j++)
			in[j] = x[b * n + j] * x[b * n + j];
		layer(m, n, w, in, out);
		for (int i = 0; i < m; i++)
			loss += out[i];
		loss += 0.01 * head5(in);
	}
	return loss;
}

#ifndef __ADCC__
#include "adcc_rt.h"
#include "adtest.h"

enum { NB = 3, M = 4, N = 5 };

int main(void)
{
	adt_seed(9);
	double w[M * N], x[NB * N], wd[M * N], xd[NB * N], wb[M * N], xb[NB * N];
	adt_fill(w, M * N, -0.5, 0.5);
	adt_fill(x, NB * N, -1, 1);
	adt_fill(wd, M * N, -1, 1);
	adt_fill(xd, NB * N, -1, 1);
	adcc_tape_stats_reset();
	double v = net_grad(NB, M, N, w, wb, x, xb);
	AdccTapeStats st;
	adcc_tape_stats(&st);
	adt_check_exact("value", 0, v, net(NB, M, N, w, x));
	/* per sample: the block in[0..N), M tanh values and k at the start of
	 * each of the M rows in layer; the block in[0..4] in head5 */
	adt_check_exact("f64 pushes", 0, (double)st.pushes[ADCC_STACK_F64], NB * (N + M + 5));
	adt_check_exact("i32 pushes", 0, (double)st.pushes[ADCC_STACK_I32], NB * M);
	adt_check_exact("all pushes", 0, (double)st.pushes_total, NB * (N + 2 * M + 5));
	adt_check_exact("tape empty", 0, (double)st.bytes, 0);
	double yd;
	net_d(NB, M, N, w, wd, x, xd, &yd);
	double rhs = adt_dot(M * N, wd, wb) + adt_dot(NB * N, xd, xb);
	adt_tol = 1e-12;
	adt_check("dot", 0, rhs, yd);
	return adt_done();
}
#endif

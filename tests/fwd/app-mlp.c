// A two-layer perceptron with tanh and a squared loss: the tangent of the
// loss with respect to the weights and biases of both layers, and of the
// hidden activations (an array output) with respect to the input.
// RUN: %adcc %s --forward 'mlp_loss:w1,b1,w2,b2->return' --forward 'layer:x->y' -o %t.d.c --header %t.d.h
// RUN: FileCheck %s < %t.d.c
// RUN: %cc -include %t.d.h %s %t.d.c -o %t %rt && %t
// RUN: %clang -c %t.d.c -o %t.o
#include <math.h>

/* layer is requested by name (layer_d, x -> y) and also called by mlp_loss
 * with other activity patterns: those versions take the names layer_dK,
 * even though they are made first.
 * CHECK-LABEL: double mlp_loss_d(
 * CHECK: layer_d{{[0-9]}}(w1, w1d, b1, b1d, x, h, hd, nhid, nin);
 * CHECK: layer_d{{[0-9]}}(w2, w2d, b2, b2d, h, hd, o, od, nout, nhid);
 * CHECK-LABEL: void layer_d(const double *w, const double *b, const double *x, const double *xd, double *y, double *yd, int m, int n){{$}}
 */
/* y = tanh(W x + b), W is m×n row-major */
void layer(const double *w, const double *b, const double *x, double *y, int m, int n)
{
	for (int i = 0; i < m; i++) {
		double s = b[i];
		for (int j = 0; j < n; j++)
			s += w[i * n + j] * x[j];
		y[i] = tanh(s);
	}
}

double mlp_loss(const double *w1, const double *b1, const double *w2, const double *b2,
	const double *x, const double *target, int nin, int nhid, int nout)
{
	double h[16], o[16];
	layer(w1, b1, x, h, nhid, nin);
	layer(w2, b2, h, o, nout, nhid);
	double l = 0;
	for (int i = 0; i < nout; i++) {
		double e = o[i] - target[i];
		l += 0.5 * e * e;
	}
	return l;
}

#ifndef __ADCC__
#include "adtest.h"

double mlp_loss_d(const double *w1, const double *w1d, const double *b1, const double *b1d,
	const double *w2, const double *w2d, const double *b2, const double *b2d,
	const double *x, const double *target, int nin, int nhid, int nout, double *retd);
void layer_d(const double *w, const double *b, const double *x, const double *xd,
	double *y, double *yd, int m, int n);

enum { NI = 5, NH = 8, NO = 3, P = NH * NI + NH + NO * NH + NO };
static double X[NI], T[NO], W[NH * NI], B[NH];

static void loss_v(void *c, const double *p, double *y)
{
	(void)c;
	y[0] = mlp_loss(p, p + NH * NI, p + NH * NI + NH, p + NH * NI + NH + NO * NH, X, T, NI, NH, NO);
}
static void layer_v(void *c, const double *x, double *y) { (void)c; layer(W, B, x, y, NH, NI); }

int main(void)
{
	adt_seed(11);
	adt_fill(X, NI, -1, 1);
	adt_fill(T, NO, -1, 1);
	adt_fill(W, NH * NI, -1, 1);
	adt_fill(B, NH, -1, 1);
	for (int k = 0; k < 5; k++) {
		double p[P], pd[P], fd[NH], t;
		adt_fill(p, P, -0.7, 0.7);
		adt_fill(pd, P, -1, 1);
		double *q = p, *qd = pd;
		double y = mlp_loss_d(q, qd, q + NH * NI, qd + NH * NI, q + NH * NI + NH,
			qd + NH * NI + NH, q + NH * NI + NH + NO * NH, qd + NH * NI + NH + NO * NH,
			X, T, NI, NH, NO, &t);
		loss_v(NULL, p, fd);
		adt_check_exact("mlp", k, y, fd[0]);
		adt_fd_dir(loss_v, NULL, P, p, pd, 1, fd);
		adt_check("mlp'", k, t, fd[0]);

		double x[NI], xd[NI], h[NH], hd[NH];
		adt_fill(x, NI, -1, 1);
		adt_fill(xd, NI, -1, 1);
		layer_d(W, B, x, xd, h, hd, NH, NI);
		adt_fd_dir(layer_v, NULL, NI, x, xd, NH, fd);
		adt_check_array("layer'", NH, hd, fd);
	}
	return adt_done();
}
#endif

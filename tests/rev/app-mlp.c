// A two-layer perceptron with tanh and a squared loss in reverse: the
// gradient of the loss with respect to the weights and biases of both
// layers (F_b with seed 1, and F_grad from a request with extents), and the
// adjoint of the hidden activations (an array output, pure: its adjoint is
// 0 on return) with respect to the input.  Values exact, gradients against
// central differences, the dot-product test against F_d to 1e-12.
/* RUN: %adcc %s --forward 'mlp_loss:w1,b1,w2,b2->return' --forward 'layer:x->y' \
 * RUN:   --reverse 'mlp_loss:w1,b1,w2,b2->return' --reverse 'layer:x->y' -o %t.c --header %t.h
 * RUN: FileCheck %s < %t.c
 * RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
 * RUN: %adcc %s --reverse 'mlp_loss:w1[nhid*nin],b1[nhid],w2[nout*nhid],b2[nout]->return' -o %t.g.c --header %t.g.h
 * RUN: %cc -DGRAD -include %t.g.h %s %t.g.c -o %t.g %rt && %t.g
 * RUN: %clang -c %t.c -o %t.o
 */
#include <math.h>

/* layer is requested by name (layer_b, x -> y) and also called by mlp_loss
 * with other activity patterns: those versions get other names.
 * CHECK-LABEL: double mlp_loss_b(
 * CHECK: layer_fwd{{[0-9]*}}(w1, w1b, b1, b1b, x, h, hb, nhid, nin);
 * CHECK: layer_fwd{{[0-9]*}}(w2, w2b, b2, b2b, h, hb, o, ob, nout, nhid);
 * CHECK-LABEL: void layer_b(const double *w, const double *b, const double *x, double *xb, double *y, double *yb, int m, int n){{$}}
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

enum { NI = 5, NH = 8, NO = 3, P = NH * NI + NH + NO * NH + NO };
static double X[NI], T[NO], W[NH * NI], B[NH];

static void loss_v(void *c, const double *p, double *y)
{
	(void)c;
	y[0] = mlp_loss(p, p + NH * NI, p + NH * NI + NH, p + NH * NI + NH + NO * NH, X, T, NI, NH, NO);
}
static __attribute__((unused)) void layer_v(void *c, const double *x, double *y) { (void)c; layer(W, B, x, y, NH, NI); }

#define PARTS(q) q, q + NH * NI, q + NH * NI + NH, q + NH * NI + NH + NO * NH
#define PARTS2(q, qb) q, qb, q + NH * NI, qb + NH * NI, q + NH * NI + NH, \
	qb + NH * NI + NH, q + NH * NI + NH + NO * NH, qb + NH * NI + NH + NO * NH

static __attribute__((unused)) void dot(const char *name, int k, double lhs, double rhs)
{
	double tol = adt_tol;
	adt_tol = 1e-12;
	adt_check(name, k, lhs, rhs);
	adt_tol = tol;
}

int main(void)
{
	adt_seed(11);
	adt_fill(X, NI, -1, 1);
	adt_fill(T, NO, -1, 1);
	adt_fill(W, NH * NI, -1, 1);
	adt_fill(B, NH, -1, 1);
	for (int k = 0; k < 5; k++) {
		double p[P], pd[P], pb[P], fd[P], e[P], t;
		adt_fill(p, P, -0.7, 0.7);
		adt_fill(pd, P, -1, 1);
		double want;
		loss_v(NULL, p, &want);
		for (int i = 0; i < P; i++) {
			memset(e, 0, sizeof e);
			e[i] = 1;
			adt_fd_dir(loss_v, NULL, P, p, e, 1, &fd[i]);
		}
#ifdef GRAD
		for (int i = 0; i < P; i++)
			pb[i] = NAN;   /* overwritten */
		adt_check_exact("mlp_grad", k, mlp_loss_grad(PARTS2(p, pb), X, T, NI, NH, NO), want);
		adt_check_array("mlp grad", P, pb, fd);
		(void)pd, (void)t;
#else
		memset(pb, 0, sizeof pb);
		adt_check_exact("mlp_b", k, mlp_loss_b(PARTS2(p, pb), X, T, NI, NH, NO, 1), want);
		adt_check_array("mlp grad", P, pb, fd);
		mlp_loss_d(PARTS2(p, pd), X, T, NI, NH, NO, &t);
		double rb = adt_uniform(-1, 1);
		memset(pb, 0, sizeof pb);
		mlp_loss_b(PARTS2(p, pb), X, T, NI, NH, NO, rb);
		dot("mlp dot", k, adt_dot(P, pd, pb), t * rb);

		/* layer: y a pure output */
		double x[NI], xd[NI], xb[NI], h[NH], h0[NH], hd[NH], hb[NH], w[NH], J[NH * NI];
		adt_fill(x, NI, -1, 1);
		adt_fill(xd, NI, -1, 1);
		layer_d(W, B, x, xd, h, hd, NH, NI);
		layer(W, B, x, h0, NH, NI);
		adt_fill(w, NH, -1, 1);
		memcpy(hb, w, sizeof hb);
		memset(xb, 0, sizeof xb);
		layer_b(W, B, x, xb, h, hb, NH, NI);
		adt_check_array_exact("layer_b", NH, h, h0);
		for (int i = 0; i < NH; i++)
			adt_check_exact("layer pure output adjoint", i, hb[i], 0);
		dot("layer dot", k, adt_dot(NI, xd, xb), adt_dot(NH, hd, w));
		for (int i = 0; i < NI; i++) {
			double col[NH];
			memset(e, 0, sizeof e);
			e[i] = 1;
			adt_fd_dir(layer_v, NULL, NI, x, e, NH, col);
			for (int j = 0; j < NH; j++)
				J[j * NI + i] = col[j];
		}
		for (int j = 0; j < NH; j++) {
			memset(hb, 0, sizeof hb);
			hb[j] = 1;
			memset(xb, 0, sizeof xb);
			layer_b(W, B, x, xb, h, hb, NH, NI);
			adt_check_array("layer row", NI, xb, J + j * NI);
		}
#endif
	}
	return adt_done();
}
#endif

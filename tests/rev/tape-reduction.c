// Tape size: reductions over arrays record nothing (pushes_total == 0,
// exact counts from the runtime's statistics), and the tape is empty after
// F_b returns; the gradients are right too (F_grad against central
// differences).
// RUN: %adcc %s -o %t.c --header %t.h
// RUN: FileCheck %s < %t.c
// RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
#include <math.h>
#include "adcc.h"

// CHECK: Adjoint of sumsq: {{.*}}Records on the tape: nothing.
ADCC_REVERSE("x[n] -> return")
double sumsq(const double *x, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += x[i] * x[i];
	return s;
}

/* weights: a pure-input, inactive array */
// CHECK: Adjoint of wsumsq: {{.*}}Records on the tape: nothing.
ADCC_REVERSE("x[n] -> return")
double wsumsq(const double *x, const double *w, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += w[i] * x[i] * x[i];
	return s;
}

// CHECK: Adjoint of sumsin: {{.*}}Records on the tape: nothing.
ADCC_REVERSE("x[n] -> return")
double sumsin(const double *x, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += sin(x[i]);
	return s;
}

// CHECK: Adjoint of dot: {{.*}}Records on the tape: nothing.
ADCC_REVERSE("x[n], y[n] -> return")
double dot(const double *x, const double *y, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += x[i] * y[i];
	return s;
}

/* x^T A x, a nested reduction */
// CHECK: Adjoint of xax: {{.*}}Records on the tape: nothing.
ADCC_REVERSE("x[n] -> return")
double xax(const double *x, const double *a, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			s += a[i * n + j] * x[j] * x[i];
	return s;
}

#ifndef __ADCC__
#include "adtest.h"
#include "adcc_rt.h"

/* Run `call` (an F_b call) on a fresh statistics count and check the
 * pushes per stack exactly, and that the tape is empty afterwards. */
#define EXPECT_TAPE(name, k, call, ef64, ebit, ecnt, etotal) do { \
	AdccTapeStats st_; \
	adcc_tape_stats_reset(); \
	call; \
	adcc_tape_stats(&st_); \
	adt_check_exact(name " f64 pushes", k, (double)st_.pushes[ADCC_STACK_F64], ef64); \
	adt_check_exact(name " bit pushes", k, (double)st_.pushes[ADCC_STACK_BIT], ebit); \
	adt_check_exact(name " cnt pushes", k, (double)st_.pushes[ADCC_STACK_CNT], ecnt); \
	adt_check_exact(name " pushes", k, (double)st_.pushes_total, etotal); \
	uint64_t d_ = 0; \
	for (int s_ = 0; s_ < ADCC_NSTACKS; s_++) \
		d_ += st_.depth[s_]; \
	adt_check_exact(name " depth after", k, (double)d_, 0); \
} while (0)

enum { N = 9 };
static double W[N], A[N * N];

static void sumsq_v(void *c, const double *x, double *y) { (void)c; y[0] = sumsq(x, N); }
static void wsumsq_v(void *c, const double *x, double *y) { (void)c; y[0] = wsumsq(x, W, N); }
static void sumsin_v(void *c, const double *x, double *y) { (void)c; y[0] = sumsin(x, N); }
static void dot_v(void *c, const double *x, double *y) { (void)c; y[0] = dot(x, x + N, N); }
static void xax_v(void *c, const double *x, double *y) { (void)c; y[0] = xax(x, A, N); }

/* the gradient g of f at x (n inputs) against central differences */
static void grad_fd(const char *name, AdtFn f, int n, const double *x, const double *g)
{
	double e[2 * N], fd[2 * N];
	for (int i = 0; i < n; i++) {
		memset(e, 0, sizeof e);
		e[i] = 1;
		adt_fd_dir(f, NULL, n, x, e, 1, &fd[i]);
	}
	adt_check_array(name, n, g, fd);
}

int main(void)
{
	adt_seed(21);
	adt_fill(W, N, 0, 1);
	adt_fill(A, N * N, -1, 1);
	for (int k = 0; k < 3; k++) {
		double x[2 * N], xb[2 * N], g[2 * N], v = 0;
		adt_fill(x, 2 * N, -1, 1);
		memset(xb, 0, sizeof xb);
		EXPECT_TAPE("sumsq", k, v = sumsq_b(x, xb, N, 1), 0, 0, 0, 0);
		adt_check_exact("sumsq value", k, v, sumsq(x, N));
		sumsq_grad(x, g, N), grad_fd("sumsq grad", sumsq_v, N, x, g);
		EXPECT_TAPE("wsumsq", k, v = wsumsq_b(x, xb, W, N, 1), 0, 0, 0, 0);
		adt_check_exact("wsumsq value", k, v, wsumsq(x, W, N));
		wsumsq_grad(x, g, W, N), grad_fd("wsumsq grad", wsumsq_v, N, x, g);
		EXPECT_TAPE("sumsin", k, v = sumsin_b(x, xb, N, 1), 0, 0, 0, 0);
		adt_check_exact("sumsin value", k, v, sumsin(x, N));
		sumsin_grad(x, g, N), grad_fd("sumsin grad", sumsin_v, N, x, g);
		EXPECT_TAPE("dot", k, v = dot_b(x, xb, x + N, xb + N, N, 1), 0, 0, 0, 0);
		adt_check_exact("dot value", k, v, dot(x, x + N, N));
		dot_grad(x, g, x + N, g + N, N), grad_fd("dot grad", dot_v, 2 * N, x, g);
		EXPECT_TAPE("xax", k, v = xax_b(x, xb, A, N, 1), 0, 0, 0, 0);
		adt_check_exact("xax value", k, v, xax(x, A, N));
		xax_grad(x, g, A, N), grad_fd("xax grad", xax_v, N, x, g);
	}
	return adt_done();
}
#endif

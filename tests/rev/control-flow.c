// Control flow in reverse: if/else chains, nested ifs, ?:, short-circuit
// conditions, early returns; for loops with steps, <=, >, >=, while,
// do-while (data-dependent trip counts), break, continue, a return inside a
// loop.  For every function: F_b's value is the primal's exactly, F_grad
// against central finite differences, the dot-product test against F_d to
// 1e-12, and the tape is empty when F_b returns.
// RUN: %adcc %s -o %t.c --header %t.h
// RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
// RUN: %clang -c %t.c -o %t.o
#include <math.h>
#include "adcc.h"

ADCC_FORWARD("x->return") ADCC_REVERSE("x->return")
double branches(double x, int mode)
{
	double y;
	if (x > 1)
		y = x * x;
	else if (x > 0)
		y = sin(x);
	else
		y = -x;
	if (mode == 1 && y > 0.5) {
		if (x < 1.5)
			y = y * 3;
		else
			y += x;
	}
	double z = y > 1 || mode == 2 ? y * x : y / 2;
	return z + (x < 0 ? 0 : x);
}

ADCC_FORWARD("x->return") ADCC_REVERSE("x->return")
double early(double x, int n)
{
	if (n < 0)
		return 0;
	double y = exp(x);
	if (n == 0)
		return y;
	if (x > 1)
		return y * x;
	return y + x * n;
}

ADCC_FORWARD("x->return") ADCC_REVERSE("x->return")
double for_steps(double x, int n)
{
	double s = 0;
	for (int i = 0; i < n; i += 2)
		s += x * i;
	for (int i = 1; i <= n; i++)
		s = s * 0.5 + sin(x * i);
	for (int i = n; i > 0; i--)
		s += x / i;
	for (int i = n; i >= 0; i -= 3)
		s = s * x + 1;
	return s;
}

ADCC_FORWARD("x->return") ADCC_REVERSE("x->return")
double whiles(double x, int n)
{
	double s = x;
	int i = 0;
	while (i < n) {
		s = s * 0.9 + x;
		i++;
	}
	/* data-dependent trip count: constant within the step */
	double t = 1;
	while (t < 10 * fabs(s) + 1)
		t = t * 2;
	double u = 0;
	do {
		u += s * x;
		i--;
	} while (i > 0);
	return s + u + t;
}

ADCC_FORWARD("x->return") ADCC_REVERSE("x->return")
double breaks(double x, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++) {
		if (i % 3 == 1)
			continue;
		s += x * i + s * 0.1;
		if (i == 7)
			break;
	}
	int k = 0;
	while (1) {
		s = s * x;
		if (++k >= 3)
			break;
	}
	return s;
}

/* a return from inside a loop */
ADCC_FORWARD("x[n]->return") ADCC_REVERSE("x[n]->return")
double find_first(const double *x, int n, double thr)
{
	for (int i = 0; i < n; i++) {
		if (x[i] > thr)
			return x[i] * x[i];
		if (i > 5)
			return -x[i];
	}
	return x[0];
}

#ifndef __ADCC__
#include "adtest.h"
#include "adcc_rt.h"

static int N;   /* the integer argument for the one-variable wrappers */
static double branches1(double x) { return branches(x, N); }
static double early1(double x) { return early(x, N); }
static double for_steps1(double x) { return for_steps(x, N); }
static double whiles1(double x) { return whiles(x, N); }
static double breaks1(double x) { return breaks(x, N); }

static double THR;
static void find_first_v(void *ctx, const double *x, double *y)
{
	y[0] = find_first(x, *(int *)ctx, THR);
}

static void tape_empty(const char *name, int k)
{
	AdccTapeStats st;
	adcc_tape_stats(&st);
	uint64_t d = 0;
	for (int s = 0; s < ADCC_NSTACKS; s++)
		d += st.depth[s];
	adt_check_exact(name, k, (double)d, 0);
}

/* one scalar function of x with an integer n: value, gradient, dot */
#define CHECK1(f, x, n) do { \
	double g_ = NAN, xb_ = 0, t_ = NAN, rb_ = adt_uniform(-1, 1), xd_ = adt_uniform(-1, 1); \
	adt_check_exact(#f " grad value", k, f##_grad(x, &g_, n), f(x, n)); \
	adt_check(#f " grad", k, g_, adt_fd1(f##1, x)); \
	f##_d(x, xd_, n, &t_); \
	adt_check_exact(#f " b value", k, f##_b(x, &xb_, n, rb_), f(x, n)); \
	tape_empty(#f " tape", k); \
	double tol_ = adt_tol; \
	adt_tol = 1e-12; \
	adt_check(#f " dot", k, xd_ * xb_, t_ * rb_); \
	adt_tol = tol_; \
} while (0)

int main(void)
{
	adt_seed(5);
	for (int k = 0; k < 40; k++) {
		N = k % 12 - 1;
		double x = adt_uniform(-2, 2);
		/* away from the branch points 0, 1, 1.5 and y = 0.5, 1 */
		if (fabs(x) < 0.05 || fabs(x - 1) < 0.05 || fabs(x - 1.5) < 0.05
			|| fabs(sin(x) - 0.5) < 0.05 || fabs(x * x - 1) < 0.05 || fabs(3 * sin(x) - 1) < 0.05)
			continue;
		N = N % 3;
		CHECK1(branches, x, N);
		N = k % 12 - 1;
		CHECK1(early, x, N);
		CHECK1(for_steps, x, N);
		CHECK1(breaks, x, N);
		double xw = adt_uniform(0.2, 0.8);
		CHECK1(whiles, xw, N);

		enum { n = 10 };
		double a[n], ad[n], ab[n], g[n], e[n], fd[n], t;
		int in = n;
		adt_fill(a, n, -1, 1);
		adt_fill(ad, n, -1, 1);
		THR = 0.5 + 0.05 * (k % 7);
		for (int i = 0; i < n; i++)
			if (fabs(a[i] - THR) < 0.01)
				a[i] += 0.1;
		double a0[n];
		memcpy(a0, a, sizeof a);
		adt_check_exact("find_first grad value", k, find_first_grad(a, g, n, THR), find_first(a, n, THR));
		for (int i = 0; i < n; i++) {
			memset(e, 0, sizeof e);
			e[i] = 1;
			adt_fd_dir(find_first_v, &in, n, a, e, 1, &fd[i]);
		}
		adt_check_array("find_first grad", n, g, fd);
		find_first_d(a, ad, n, THR, &t);
		double rb = adt_uniform(-1, 1);
		memset(ab, 0, sizeof ab);
		adt_check_exact("find_first b value", k, find_first_b(a, ab, n, THR, rb), find_first(a, n, THR));
		adt_check_array_exact("find_first x unchanged", n, a, a0);
		tape_empty("find_first tape", k);
		double tol = adt_tol;
		adt_tol = 1e-12;
		adt_check("find_first dot", k, adt_dot(n, ad, ab), t * rb);
		adt_tol = tol;
	}
	return adt_done();
}
#endif

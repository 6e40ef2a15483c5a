// Control flow: if/else chains, nested ifs, ?:, short-circuit conditions,
// early returns; for loops with steps, <=, >, >=, while, do-while, break,
// continue, a return inside a loop.  Every function is checked against
// central finite differences at random points (the branches taken do not
// change within the finite-difference step).
// RUN: %adcc %s -o %t.d.c --header %t.d.h
// RUN: %cc -include %t.d.h %s %t.d.c -o %t %rt && %t
// RUN: %clang -c %t.d.c -o %t.o
#include <math.h>
#include "adcc.h"

ADCC_FORWARD("x->return")
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

ADCC_FORWARD("x->return")
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

ADCC_FORWARD("x->return")
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

ADCC_FORWARD("x->return")
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

ADCC_FORWARD("x->return")
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
ADCC_FORWARD("x[n]->return")
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

double branches_d(double x, double xd, int mode, double *retd);
double early_d(double x, double xd, int n, double *retd);
double for_steps_d(double x, double xd, int n, double *retd);
double whiles_d(double x, double xd, int n, double *retd);
double breaks_d(double x, double xd, int n, double *retd);
double find_first_d(const double *x, const double *xd, int n, double thr, double *retd);

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

int main(void)
{
	adt_seed(5);
	for (int k = 0; k < 40; k++) {
		N = k % 12 - 1;
		double x = adt_uniform(-2, 2), xd = adt_uniform(-1, 1), t;
		/* away from the branch points 0, 1, 1.5 and y = 0.5, 1 */
		if (fabs(x) < 0.05 || fabs(x - 1) < 0.05 || fabs(x - 1.5) < 0.05
			|| fabs(sin(x) - 0.5) < 0.05 || fabs(x * x - 1) < 0.05 || fabs(3 * sin(x) - 1) < 0.05)
			continue;
		adt_check_exact("branches", k, branches_d(x, xd, N % 3, &t), branches(x, N % 3));
		N = N % 3;
		adt_check("branches'", k, t, adt_fd1(branches1, x) * xd);
		N = k % 12 - 1;
		adt_check_exact("early", k, early_d(x, xd, N, &t), early(x, N));
		adt_check("early'", k, t, adt_fd1(early1, x) * xd);
		adt_check_exact("for_steps", k, for_steps_d(x, xd, N, &t), for_steps(x, N));
		adt_check("for_steps'", k, t, adt_fd1(for_steps1, x) * xd);
		adt_check_exact("breaks", k, breaks_d(x, xd, N, &t), breaks(x, N));
		adt_check("breaks'", k, t, adt_fd1(breaks1, x) * xd);
		double xw = adt_uniform(0.2, 0.8);
		adt_check_exact("whiles", k, whiles_d(xw, xd, N, &t), whiles(xw, N));
		adt_check("whiles'", k, t, adt_fd1(whiles1, xw) * xd);

		double a[10], ad[10], fd;
		int n = 10;
		adt_fill(a, n, -1, 1);
		adt_fill(ad, n, -1, 1);
		THR = 0.5 + 0.05 * (k % 7);
		for (int i = 0; i < n; i++)
			if (fabs(a[i] - THR) < 0.01)
				a[i] += 0.1;
		adt_check_exact("find_first", k, find_first_d(a, ad, n, THR, &t), find_first(a, n, THR));
		adt_fd_dir(find_first_v, &n, n, a, ad, 1, &fd);
		adt_check("find_first'", k, t, fd);
	}
	return adt_done();
}
#endif

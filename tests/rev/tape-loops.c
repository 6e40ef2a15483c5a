// Tape size, exact counts from the runtime's statistics: branch-free
// straight-line code records nothing; a loop that overwrites a carried value
// used nonlinearly records exactly n values; a while loop at the top level
// records nothing (its count stays in a local), one nested in a for loop
// records its trip count once per outer iteration (and nothing else); a
// branch inside a loop records one bit per iteration when its condition
// cannot be recomputed, none when it can.  The tape is empty after F_b
// returns, and the gradients are right (F_grad against central differences).
// RUN: %adcc %s -o %t.c --header %t.h
// RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
#include <math.h>
#include "adcc.h"

ADCC_REVERSE("a, b, x[3] -> return")
double straight(double a, double b, const double *x)
{
	double c = a * b + sin(a) * x[0];
	double d = exp(c) / (1 + b * b) + x[1] * x[2];
	double e = sqrt(d * d + 1) * c;
	return e * a + log(1 + d * d);
}

/* s overwritten each iteration, used nonlinearly: n values */
ADCC_REVERSE("x[n] -> return")
double product(const double *x, int n)
{
	double s = 1;
	for (int i = 0; i < n; i++)
		s *= x[i];
	return s;
}

ADCC_REVERSE("x -> return")
double whl(double x, double lim)
{
	double s = x;
	double t = 1;
	while (t < lim) {
		s = 2 * s + x;
		t = t * 1.5;
	}
	return s;
}

ADCC_REVERSE("x[n] -> return")
double nested_while(const double *x, int n, double lim)
{
	double s = 0;
	for (int i = 0; i < n; i++) {
		double t = 1;
		double u = x[i];
		while (t < lim + i) {
			u = 2 * u + x[i];
			t = t * 1.5;
		}
		s += u;
	}
	return s;
}

/* the condition depends on the carried s: one bit per iteration */
ADCC_REVERSE("x -> return")
double branchy(double x, int n)
{
	double s = x;
	for (int i = 0; i < n; i++) {
		if (s > 0)
			s = 0.5 * s - x;
		else
			s = 3 * s + x;
	}
	return s;
}

/* the condition reads a pure input: recomputed, no bits */
ADCC_REVERSE("x[n], y -> return")
double branch_pure(const double *x, double y, int n)
{
	double s = y;
	for (int i = 0; i < n; i++) {
		if (x[i] > 0)
			s = 0.5 * s - x[i];
		else
			s = 3 * s + x[i] * x[i];
	}
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

enum { N = 7 };
static double LIM;

static void straight_v(void *c, const double *x, double *y) { (void)c; y[0] = straight(x[0], x[1], x + 2); }
static void product_v(void *c, const double *x, double *y) { (void)c; y[0] = product(x, N); }
static void whl_v(void *c, const double *x, double *y) { (void)c; y[0] = whl(x[0], LIM); }
static void nested_while_v(void *c, const double *x, double *y) { (void)c; y[0] = nested_while(x, N, LIM); }
static void branchy_v(void *c, const double *x, double *y) { (void)c; y[0] = branchy(x[0], N); }
static void branch_pure_v(void *c, const double *x, double *y) { (void)c; y[0] = branch_pure(x, x[N], N); }

/* the gradient g of f at x (n inputs) against central differences */
static void grad_fd(const char *name, AdtFn f, int n, const double *x, const double *g)
{
	double e[N + 1], fd[N + 1];
	for (int i = 0; i < n; i++) {
		memset(e, 0, sizeof e);
		e[i] = 1;
		adt_fd_dir(f, NULL, n, x, e, 1, &fd[i]);
	}
	adt_check_array(name, n, g, fd);
}

int main(void)
{
	adt_seed(22);
	for (int k = 0; k < 4; k++) {
		double x[N + 1], xb[N + 1], g[N + 1], v = 0;
		adt_fill(x, N + 1, 0.5, 1.5);
		memset(xb, 0, sizeof xb);

		EXPECT_TAPE("straight", k, v = straight_b(x[0], &xb[0], x[1], &xb[1], x + 2, xb + 2, 1), 0, 0, 0, 0);
		adt_check_exact("straight value", k, v, straight(x[0], x[1], x + 2));
		straight_grad(x[0], &g[0], x[1], &g[1], x + 2, g + 2);
		grad_fd("straight grad", straight_v, 5, x, g);

		EXPECT_TAPE("product", k, v = product_b(x, xb, N, 1), N, 0, 0, N);
		adt_check_exact("product value", k, v, product(x, N));
		product_grad(x, g, N), grad_fd("product grad", product_v, N, x, g);

		/* trip counts change with k, and the counts stay exact */
		LIM = 3 + 10 * k + 0.25;
		EXPECT_TAPE("whl", k, v = whl_b(x[0], &xb[0], LIM, 1), 0, 0, 0, 0);
		adt_check_exact("whl value", k, v, whl(x[0], LIM));
		whl_grad(x[0], &g[0], LIM), grad_fd("whl grad", whl_v, 1, x, g);

		EXPECT_TAPE("nested_while", k, v = nested_while_b(x, xb, N, LIM, 1), 0, 0, N, N);
		adt_check_exact("nested_while value", k, v, nested_while(x, N, LIM));
		nested_while_grad(x, g, N, LIM), grad_fd("nested_while grad", nested_while_v, N, x, g);

		EXPECT_TAPE("branchy", k, v = branchy_b(x[0], &xb[0], N, 1), 0, N, 0, N);
		adt_check_exact("branchy value", k, v, branchy(x[0], N));
		branchy_grad(x[0], &g[0], N), grad_fd("branchy grad", branchy_v, 1, x, g);

		double z[N + 1];
		adt_fill(z, N + 1, -1, 1);
		for (int i = 0; i < N; i++)
			if (fabs(z[i]) < 0.05)
				z[i] = 0.5;
		EXPECT_TAPE("branch_pure", k, v = branch_pure_b(z, xb, z[N], &xb[N], N, 1), 0, 0, 0, 0);
		adt_check_exact("branch_pure value", k, v, branch_pure(z, z[N], N));
		branch_pure_grad(z, g, z[N], &g[N], N), grad_fd("branch_pure grad", branch_pure_v, N + 1, z, g);
	}
	return adt_done();
}
#endif

// Tape size: values that are cheap to recompute from pure inputs or from a
// value already recorded are recomputed, not recorded; the gradients they
// feed are checked against central differences.  Expected counts: a reduction over a pure-input array records nothing even
// with math calls in it; a carried value used nonlinearly records exactly n
// values (s, not also s*s or sin(s)); reading a const struct array or a
// const struct's pointer member records nothing.
// RUN: %adcc %s -o %t.c --header %t.h
// The header names the user's struct types, so it is included after them:
// RUN: %cc -DTH='"%t.h"' %s %t.c -o %t %rt && %t
#include <math.h>
#include "adcc.h"

ADCC_REVERSE("x[n] -> return")
double xsinx(const double *x, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += x[i] * sin(x[i]);     /* records sin(x[i]): n */
	return s;
}

ADCC_REVERSE("x[n] -> return")
double asinx(const double *x, const double *a, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			s += a[i * n + j] * sin(x[j]) * x[i];   /* records a*sin(x[j]): n*n */
	return s;
}

ADCC_REVERSE("x -> return")
double square_carried(double x, int n)
{
	double s = x;
	for (int i = 0; i < n; i++)
		s = s * s * x;             /* records s and s*s: 2n */
	return s;
}

ADCC_REVERSE("x -> return")
double sin_carried(double x, int n)
{
	double s = x;
	for (int i = 0; i < n; i++)
		s = sin(s) * x;            /* records s and sin(s): 2n */
	return s;
}

typedef struct {
	double x, y, m;
} P;

ADCC_REVERSE("b -> return")
double pot(const P *b, int n)
{
	double e = 0;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < i; j++) {
			double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y;
			e -= b[i].m * b[j].m / sqrt(dx * dx + dy * dy);   /* records 2 per pair */
		}
	return e;
}

typedef struct {
	int n;
	double *w;
	double bias;
} Layer;

ADCC_REVERSE("l, x -> return")
double neuron(const Layer *l, const double *x)
{
	double s = l->bias;
	for (int i = 0; i < l->n; i++)
		s += l->w[i] * x[i];       /* records i (i32) and lb->w (ptr): 2n */
	return tanh(s);
}

#ifndef __ADCC__
#include "adtest.h"
#include "adcc_rt.h"
#include TH

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

enum { N = 6 };

/* every entry of the gradient of f (n inputs, one output) at in */
static void fd_grad(AdtFn f, void *ctx, int n, const double *in, double *g)
{
	double e[64];
	for (int i = 0; i < n; i++) {
		memset(e, 0, sizeof e);
		e[i] = 1;
		adt_fd_dir(f, ctx, n, in, e, 1, &g[i]);
	}
}

static double *A;
static void xsinx_v(void *c, const double *in, double *o) { (void)c; o[0] = xsinx(in, N); }
static void asinx_v(void *c, const double *in, double *o) { (void)c; o[0] = asinx(in, A, N); }
static void sq_v(void *c, const double *in, double *o) { (void)c; o[0] = square_carried(in[0], N); }
static void sin_v(void *c, const double *in, double *o) { (void)c; o[0] = sin_carried(in[0], N); }
static void pot_v(void *c, const double *in, double *o)
{
	(void)c;
	P b[N];
	for (int i = 0; i < N; i++)
		b[i] = (P){in[3 * i], in[3 * i + 1], in[3 * i + 2]};
	o[0] = pot(b, N);
}
static void neuron_v(void *c, const double *in, double *o)
{
	(void)c;
	Layer l = {N, (double *)in, in[N]};
	o[0] = neuron(&l, in + N + 1);
}

int main(void)
{
	adt_seed(23);
	double x[N], xb[N], a[N * N], v;
	adt_fill(x, N, 0.5, 1.5);
	adt_fill(a, N * N, -1, 1);
	memset(xb, 0, sizeof xb);
	EXPECT_TAPE("xsinx", 0, v = xsinx_b(x, xb, N, 1), 0, 0, 0, 0);
	adt_check_exact("xsinx value", 0, v, xsinx(x, N));
	EXPECT_TAPE("asinx", 0, v = asinx_b(x, xb, a, N, 1), 0, 0, 0, 0);
	adt_check_exact("asinx value", 0, v, asinx(x, a, N));
	EXPECT_TAPE("square_carried", 0, v = square_carried_b(0.9, xb, N, 1), N, 0, 0, N);
	adt_check_exact("square_carried value", 0, v, square_carried(0.9, N));
	EXPECT_TAPE("sin_carried", 0, v = sin_carried_b(0.9, xb, N, 1), N, 0, 0, N);
	adt_check_exact("sin_carried value", 0, v, sin_carried(0.9, N));
	P b[N], bb[N];
	for (int i = 0; i < N; i++)
		b[i] = (P){i + x[i], x[i] * x[i], 1 + x[i]};
	memset(bb, 0, sizeof bb);
	EXPECT_TAPE("pot", 0, v = pot_b(b, bb, N, 1), 0, 0, 0, 0);
	adt_check_exact("pot value", 0, v, pot(b, N));
	double w[N], wb[N] = {0};
	memcpy(w, a, sizeof w);
	Layer l = {N, w, 0.3}, lb = {0, wb, 0};
	EXPECT_TAPE("neuron", 0, v = neuron_b(&l, &lb, x, xb, 1), 0, 0, 0, 0);
	adt_check_exact("neuron value", 0, v, neuron(&l, x));

	/* the gradients */
	double g[3 * N], fd[3 * N], in[3 * N];
	A = a;
	memset(g, 0, sizeof g);
	xsinx_b(x, g, N, 1);
	fd_grad(xsinx_v, NULL, N, x, fd);
	adt_check_array("xsinx grad", N, g, fd);
	memset(g, 0, sizeof g);
	asinx_b(x, g, a, N, 1);
	fd_grad(asinx_v, NULL, N, x, fd);
	adt_check_array("asinx grad", N, g, fd);
	in[0] = 0.9;
	g[0] = 0;
	square_carried_b(0.9, g, N, 1);
	fd_grad(sq_v, NULL, 1, in, fd);
	adt_check("square_carried grad", 0, g[0], fd[0]);
	g[0] = 0;
	sin_carried_b(0.9, g, N, 1);
	fd_grad(sin_v, NULL, 1, in, fd);
	adt_check("sin_carried grad", 0, g[0], fd[0]);
	memset(bb, 0, sizeof bb);
	pot_b(b, bb, N, 1);
	for (int i = 0; i < N; i++) {
		in[3 * i] = b[i].x, in[3 * i + 1] = b[i].y, in[3 * i + 2] = b[i].m;
		g[3 * i] = bb[i].x, g[3 * i + 1] = bb[i].y, g[3 * i + 2] = bb[i].m;
	}
	fd_grad(pot_v, NULL, 3 * N, in, fd);
	adt_check_array("pot grad", 3 * N, g, fd);
	double nin[2 * N + 1], ng[2 * N + 1], nfd[2 * N + 1];
	memcpy(nin, w, sizeof w);
	nin[N] = l.bias;
	memcpy(nin + N + 1, x, sizeof x);
	memset(wb, 0, sizeof wb);
	memset(xb, 0, sizeof xb);
	lb.bias = 0;
	neuron_b(&l, &lb, x, xb, 1);
	memcpy(ng, wb, sizeof wb);
	ng[N] = lb.bias;
	memcpy(ng + N + 1, xb, sizeof xb);
	fd_grad(neuron_v, NULL, 2 * N + 1, nin, nfd);
	adt_check_array("neuron grad", 2 * N + 1, ng, nfd);
	return adt_done();
}
#endif

// Structs and heap memory in reverse: an active struct pointer parameter
// with its shadow struct (same layout), arrays of structs, nested members, an
// in/out struct array, a struct holding a pointer to active data,
// malloc/calloc/free of active data (the shadow is calloc'd and freed in the
// reverse sweep).  Values exact, gradients (F_b with seed 1, F_grad for heap)
// against central differences, the dot-product test against F_d to 1e-12;
// also under the sanitizers (leaks included).
// use_vec (a helper returning an allocated struct) is forward only here:
// reverse mode refuses it (REV-BUGS.md, tests/errors/rev-pointer-return.c).
// RUN: %adcc %s -o %t.c --header %t.h
// RUN: FileCheck %s < %t.c
// The header names the user's struct types, so it is included after them:
// RUN: %cc -DTDH='"%t.h"' %s %t.c -o %t %rt && %t
// RUN: %cc %san -DTDH='"%t.h"' %s %t.c -o %t.san %rt && %t.san
// RUN: %clang -c %t.c -o %t.o
#include <math.h>
#include <stdlib.h>
#include "adcc.h"

typedef struct {
	double x, y;
} Vec2;

typedef struct {
	Vec2 pos, vel;
	double mass;
	int id;
} Body;

typedef struct {
	int n;
	double *w;      /* n weights */
	double bias;
} Layer;

// the adjoint struct follows the struct pointer:
// CHECK-LABEL: double energy_b(const Body *b, Body *bb, int n, double retb){{$}}
ADCC_FORWARD("b -> return") ADCC_REVERSE("b -> return")
double energy(const Body *b, int n)
{
	double e = 0;
	for (int i = 0; i < n; i++) {
		const Body *p = &b[i];
		e += 0.5 * p->mass * (p->vel.x * p->vel.x + p->vel.y * p->vel.y);
		for (int j = 0; j < i; j++) {
			double dx = p->pos.x - b[j].pos.x, dy = p->pos.y - b[j].pos.y;
			e -= p->mass * b[j].mass / sqrt(dx * dx + dy * dy);
		}
	}
	return e;
}

/* in/out struct array: one explicit Euler step */
ADCC_FORWARD("b -> b") ADCC_REVERSE("b -> b")
void step(Body *b, int n, double dt)
{
	for (int i = 0; i < n; i++) {
		b[i].pos.x += dt * b[i].vel.x;
		b[i].pos.y += dt * b[i].vel.y;
		b[i].vel.x *= exp(-dt * b[i].mass);
	}
}

/* a struct holding a pointer to active data */
ADCC_FORWARD("l, x -> return") ADCC_REVERSE("l, x -> return")
double neuron(const Layer *l, const double *x)
{
	double s = l->bias;
	for (int i = 0; i < l->n; i++)
		s += l->w[i] * x[i];
	return tanh(s);
}

/* malloc'd and calloc'd active scratch memory
 * CHECK-LABEL: double heap_b(
 * CHECK: calloc(
 * CHECK: free(
 */
ADCC_FORWARD("x[n] -> return") ADCC_REVERSE("x[n] -> return")
double heap(const double *x, int n)
{
	double *a = malloc(n * sizeof(double));
	double *c = calloc(n, sizeof *c);
	for (int i = 0; i < n; i++)
		a[i] = x[i] * x[i];
	for (int i = 1; i < n; i++)
		c[i] = c[i - 1] + a[i] * x[i - 1];
	double s = c[n - 1] + a[0];
	free(a);
	free(c);
	return s;
}

/* a helper that returns an allocated struct */
static Vec2 *make_vec(double x, double y)
{
	Vec2 *v = malloc(sizeof *v);
	v->x = x * y;
	v->y = x - y;
	return v;
}

ADCC_FORWARD("x, y -> return")
double use_vec(double x, double y)
{
	Vec2 *v = make_vec(x, y);
	Vec2 *w = make_vec(y, 2.0);
	double r = v->x * w->y + sin(v->y) * w->x;
	free(v);
	free(w);
	return r;
}

#ifndef __ADCC__
#include "adtest.h"
#include TDH

enum { NB = 4, NX = 5 };

/* pack/unpack the doubles of the bodies */
static void put(Body *b, const double *v)
{
	for (int i = 0; i < NB; i++) {
		b[i].pos.x = v[5 * i], b[i].pos.y = v[5 * i + 1];
		b[i].vel.x = v[5 * i + 2], b[i].vel.y = v[5 * i + 3];
		b[i].mass = v[5 * i + 4];
		b[i].id = 100 + i;
	}
}
static void get(const Body *b, double *v)
{
	for (int i = 0; i < NB; i++) {
		v[5 * i] = b[i].pos.x, v[5 * i + 1] = b[i].pos.y;
		v[5 * i + 2] = b[i].vel.x, v[5 * i + 3] = b[i].vel.y;
		v[5 * i + 4] = b[i].mass;
	}
}
static void energy_v(void *c, const double *v, double *y)
{
	Body b[NB];
	(void)c;
	put(b, v);
	y[0] = energy(b, NB);
}
static void step_v(void *c, const double *v, double *y)
{
	Body b[NB];
	(void)c;
	put(b, v);
	step(b, NB, 0.1);
	get(b, y);
}
static void neuron_v(void *c, const double *v, double *y)
{
	double w[NX];
	Layer l = {NX, w, v[NX]};
	(void)c;
	for (int i = 0; i < NX; i++)
		w[i] = v[i];
	y[0] = neuron(&l, v + NX + 1);
}
static void heap_v(void *c, const double *x, double *y) { (void)c; y[0] = heap(x, NX); }

/* J[j*n + i] = d y_j / d x_i by central differences, column by column */
static void jac_fd(AdtFn f, void *c, int n, const double *x, int m, double *J)
{
	double e[64], col[64];
	for (int i = 0; i < n; i++) {
		memset(e, 0, sizeof e);
		e[i] = 1;
		adt_fd_dir(f, c, n, x, e, m, col);
		for (int j = 0; j < m; j++)
			J[j * n + i] = col[j];
	}
}

static void dot(const char *name, int k, double lhs, double rhs)
{
	double tol = adt_tol;
	adt_tol = 1e-12;
	adt_check(name, k, lhs, rhs);
	adt_tol = tol;
}

int main(void)
{
	adt_seed(7);
	for (int k = 0; k < 5; k++) {
		double v[5 * NB], vd[5 * NB], vb[5 * NB], J[25 * NB * NB], got[5 * NB], t;
		Body b[NB], bd[NB], bb[NB];
		adt_fill(v, 5 * NB, -1, 1);
		for (int i = 0; i < NB; i++)
			v[5 * i] += 3 * i, v[5 * i + 4] += 2;     /* apart, positive masses */
		adt_fill(vd, 5 * NB, -1, 1);
		double zero[5 * NB] = {0};

		/* energy: gradient (seed 1) and dot product */
		put(b, v), put(bb, zero);
		adt_check_exact("energy_b", k, energy_b(b, bb, NB, 1), energy(b, NB));
		get(bb, got);
		jac_fd(energy_v, NULL, 5 * NB, v, 1, J);
		adt_check_array("energy grad", 5 * NB, got, J);
		put(bd, vd);
		energy_d(b, bd, NB, &t);
		double rb = adt_uniform(-1, 1);
		put(bb, zero);
		energy_b(b, bb, NB, rb);
		get(bb, got);
		dot("energy dot", k, adt_dot(5 * NB, vd, got), t * rb);

		/* step: b in/out */
		double w[5 * NB], y0[5 * NB];
		put(b, v), put(bd, vd);
		step_d(b, bd, NB, 0.1);
		get(bd, got);
		step_v(NULL, v, y0);
		adt_fill(w, 5 * NB, -1, 1);
		put(b, v), put(bb, w);
		step_b(b, bb, NB, 0.1);
		get(b, vb);
		adt_check_array_exact("step_b", 5 * NB, vb, y0);
		for (int i = 0; i < NB; i++)
			adt_check_exact("step id", i, b[i].id, 100 + i);
		get(bb, vb);
		dot("step dot", k, adt_dot(5 * NB, vd, vb), adt_dot(5 * NB, got, w));
		jac_fd(step_v, NULL, 5 * NB, v, 5 * NB, J);
		for (int j = 0; j < 5 * NB; j++) {
			double e[5 * NB] = {0};
			e[j] = 1;
			put(b, v), put(bb, e);
			step_b(b, bb, NB, 0.1);
			get(bb, vb);
			adt_check_array("step row", 5 * NB, vb, J + j * 5 * NB);
		}

		/* neuron: l->w (through the adjoint struct's pointer), l->bias, x */
		double u[2 * NX + 1], ud[2 * NX + 1], ub[2 * NX + 1], wt[NX], wd[NX], wb[NX];
		adt_fill(u, 2 * NX + 1, -1, 1);
		adt_fill(ud, 2 * NX + 1, -1, 1);
		for (int i = 0; i < NX; i++)
			wt[i] = u[i], wd[i] = ud[i], wb[i] = 0;
		Layer l = {NX, wt, u[NX]}, ld = {0, wd, ud[NX]}, lb = {0, wb, 0};
		memset(ub, 0, sizeof ub);
		adt_check_exact("neuron_b", k, neuron_b(&l, &lb, u + NX + 1, ub + NX + 1, 1), neuron(&l, u + NX + 1));
		memcpy(ub, wb, sizeof wb);
		ub[NX] = lb.bias;
		jac_fd(neuron_v, NULL, 2 * NX + 1, u, 1, J);
		adt_check_array("neuron grad", 2 * NX + 1, ub, J);
		neuron_d(&l, &ld, u + NX + 1, ud + NX + 1, &t);
		memset(ub, 0, sizeof ub);
		memset(wb, 0, sizeof wb);
		lb.bias = 0;
		neuron_b(&l, &lb, u + NX + 1, ub + NX + 1, rb);
		memcpy(ub, wb, sizeof wb);
		ub[NX] = lb.bias;
		dot("neuron dot", k, adt_dot(2 * NX + 1, ud, ub), t * rb);

		/* heap */
		double g[NX];
		adt_check_exact("heap_grad", k, heap_grad(u, g, NX), heap(u, NX));
		jac_fd(heap_v, NULL, NX, u, 1, J);
		adt_check_array("heap grad", NX, g, J);
		heap_d(u, ud, NX, &t);
		memset(ub, 0, sizeof ub);
		adt_check_exact("heap_b", k, heap_b(u, ub, NX, rb), heap(u, NX));
		dot("heap dot", k, adt_dot(NX, ud, ub), t * rb);

		/* use_vec: forward only */
		double x = u[0], y = u[1];
		adt_check_exact("use_vec", k, use_vec_d(x, ud[0], y, ud[1], &t), use_vec(x, y));
		adt_check("use_vec'", k, t, adt_fd2x(use_vec, x, y) * ud[0] + adt_fd2y(use_vec, x, y) * ud[1]);
	}
	return adt_done();
}
#endif

// Structs and heap memory: an active struct pointer parameter with its
// shadow struct (same layout), arrays of structs, nested members, a struct
// holding a pointer to active data, malloc/calloc/free of active data (the
// shadow is calloc'd and freed with it), a helper returning an allocated
// struct.
// RUN: %adcc %s -o %t.d.c --header %t.d.h
// RUN: FileCheck %s < %t.d.c
// The header names the user's struct types, so it is included after them:
// RUN: %cc -DTDH='"%t.d.h"' %s %t.d.c -o %t %rt && %t
// RUN: %cc %san -DTDH='"%t.d.h"' %s %t.d.c -o %t.san %rt && %t.san
// RUN: %clang -c %t.d.c -o %t.o
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

// the shadow struct follows the struct pointer:
// CHECK-LABEL: double energy_d(const Body *b, const Body *bd, int n, double *retd){{$}}
ADCC_FORWARD("b -> return")
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
ADCC_FORWARD("b -> b")
void step(Body *b, int n, double dt)
{
	for (int i = 0; i < n; i++) {
		b[i].pos.x += dt * b[i].vel.x;
		b[i].pos.y += dt * b[i].vel.y;
		b[i].vel.x *= exp(-dt * b[i].mass);
	}
}

/* a struct holding a pointer to active data */
ADCC_FORWARD("l, x -> return")
double neuron(const Layer *l, const double *x)
{
	double s = l->bias;
	for (int i = 0; i < l->n; i++)
		s += l->w[i] * x[i];
	return tanh(s);
}

/* malloc'd and calloc'd active scratch memory
 * CHECK-LABEL: double heap_d(
 * CHECK: calloc(
 * CHECK: free((void *)ad);
 */
ADCC_FORWARD("x[n] -> return")
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

double energy_d(const Body *b, const Body *bd, int n, double *retd);
void step_d(Body *b, Body *bd, int n, double dt);
double neuron_d(const Layer *l, const Layer *ld, const double *x, const double *xd, double *retd);
double heap_d(const double *x, const double *xd, int n, double *retd);
double use_vec_d(double x, double xd, double y, double yd, double *retd);

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

int main(void)
{
	adt_seed(7);
	for (int k = 0; k < 5; k++) {
		double v[5 * NB], vd[5 * NB], fd[5 * NB], got[5 * NB], t;
		Body b[NB], bd[NB];
		adt_fill(v, 5 * NB, -1, 1);
		for (int i = 0; i < NB; i++)
			v[5 * i] += 3 * i, v[5 * i + 4] += 2;     /* apart, positive masses */
		adt_fill(vd, 5 * NB, -1, 1);
		put(b, v), put(bd, vd);
		adt_check_exact("energy", k, energy_d(b, bd, NB, &t), energy(b, NB));
		adt_fd_dir(energy_v, NULL, 5 * NB, v, vd, 1, fd);
		adt_check("energy'", k, t, fd[0]);

		step_d(b, bd, NB, 0.1);
		get(bd, got);
		adt_fd_dir(step_v, NULL, 5 * NB, v, vd, 5 * NB, fd);
		adt_check_array("step'", 5 * NB, got, fd);
		for (int i = 0; i < NB; i++)
			adt_check_exact("step id", i, b[i].id, 100 + i);

		double u[2 * NX + 1], ud[2 * NX + 1], w[NX], wd[NX];
		adt_fill(u, 2 * NX + 1, -1, 1);
		adt_fill(ud, 2 * NX + 1, -1, 1);
		for (int i = 0; i < NX; i++)
			w[i] = u[i], wd[i] = ud[i];
		Layer l = {NX, w, u[NX]}, ld = {0, wd, ud[NX]};
		adt_check_exact("neuron", k, neuron_d(&l, &ld, u + NX + 1, ud + NX + 1, &t), neuron(&l, u + NX + 1));
		adt_fd_dir(neuron_v, NULL, 2 * NX + 1, u, ud, 1, fd);
		adt_check("neuron'", k, t, fd[0]);

		adt_check_exact("heap", k, heap_d(u, ud, NX, &t), heap(u, NX));
		adt_fd_dir(heap_v, NULL, NX, u, ud, 1, fd);
		adt_check("heap'", k, t, fd[0]);

		double x = u[0], y = u[1];
		adt_check_exact("use_vec", k, use_vec_d(x, ud[0], y, ud[1], &t), use_vec(x, y));
		adt_check("use_vec'", k, t, adt_fd2x(use_vec, x, y) * ud[0] + adt_fd2y(use_vec, x, y) * ud[1]);
	}
	return adt_done();
}
#endif

/* Re-emission of structs: by pointer and by value (parameters, returns,
 * copies), members that are scalars, arrays, pointers and structs, chained
 * a.b.c and p->q[i] accesses, arrays of structs, local structs, functions
 * returning pointers to freshly allocated structs.
 * RUN: %adcc %s -o %t.re.c
 * RUN: FileCheck %s < %t.re.c
 * RUN: not grep -n goto %t.re.c
 * RUN: %cc -c %t.re.c -o %t.gcc.o && %clang -c %t.re.c -o %t.clang.o
 * RUN: %cc -ffp-contract=off -DTEST_MAIN %s -o %t.ref -lm
 * RUN: %cc -ffp-contract=off -DTEST_MAIN -DMAIN_ONLY %s %t.re.c -o %t.gen -lm
 * RUN: %cc -O0 %san -ffp-contract=off -DTEST_MAIN -DMAIN_ONLY %s %t.re.c -o %t.san -lm
 * RUN: %t.ref > %t.ref.out && %t.gen > %t.gen.out && %t.san > %t.san.out
 * RUN: diff %t.ref.out %t.gen.out && diff %t.ref.out %t.san.out
 */
#include <stdio.h>
#include <stdlib.h>

typedef struct { double x, y; } Vec2;
struct Inner { double c; double arr[3]; };
struct Mid { struct Inner b; int k; };
struct Outer { struct Mid a; double *q; Vec2 v; };
typedef struct Body { Vec2 pos, vel; double mass; int id; } Body;
typedef struct { int n; double *w; double scale; } Layer;

#ifndef MAIN_ONLY
/* by value: parameters, return, copies, assignment of whole structs */
// CHECK-LABEL: Vec2 vadd(Vec2 a, Vec2 b){{$}}
Vec2 vadd(Vec2 a, Vec2 b)
{
	Vec2 c;
	c.x = a.x + b.x;
	c.y = a.y + b.y;
	return c;
}

double vlen2(Vec2 v) { return v.x * v.x + v.y * v.y; }

double byvalue(double a, const Vec2 *p)
{
	Vec2 v = {a, 2 * a};
	Vec2 w;
	w = v;
	w.x += 1;                       /* v unchanged */
	Vec2 s = vadd(v, *p);
	Vec2 t = s;
	s.y = -1;
	return vlen2(w) + v.x + s.x + s.y + t.y + vlen2(*p);
}

/* chained members: a.b.c, p->q[i], a.b.arr[i], p->a.b.arr[k] */
// CHECK-LABEL: double chains(struct Outer *o, int i){{$}}
// CHECK: o->a.b.c
// CHECK: o->q[i]
double chains(struct Outer *o, int i)
{
	double s = o->a.b.c * o->q[i] + o->a.b.arr[i % 3];
	o->a.b.arr[(i + 1) % 3] = s;
	o->q[i + 1] += o->a.k;
	o->v.y = o->v.x * 2;
	struct Outer loc = *o;
	loc.a.b.c = 100;
	loc.a.b.arr[0] = -1;
	struct Mid m = o->a;
	m.b.arr[2] *= 3;
	return s + loc.a.b.c + o->a.b.c + m.b.arr[2] + o->a.b.arr[2] + loc.v.y + loc.q[0];
}

/* arrays of structs: indexing, member arrays, pointers to elements */
// CHECK-LABEL: double bodies(Body *b, int n, double dt){{$}}
// CHECK: for (int i = 0; i < n; i++) {
// CHECK-NEXT: b[i].pos.x = b[i].pos.x + dt * b[i].vel.x;
// CHECK: Body tmp;
// CHECK-NEXT: tmp = b[0];
double bodies(Body *b, int n, double dt)
{
	double e = 0;
	for (int i = 0; i < n; i++) {
		Body *p = &b[i];
		p->pos.x += dt * p->vel.x;
		p->pos.y += dt * b[i].vel.y;
		e += 0.5 * p->mass * vlen2(p->vel);
	}
	Body tmp = b[0];
	b[0] = b[n - 1];
	b[n - 1] = tmp;
	Body *last = b + n - 1;
	return e + last->pos.x + b->pos.y + (b + 1)->id + last->id;
}

/* a local array of structs and a struct holding a local array */
double locals(const double *x, int n)
{
	Vec2 pts[4];
	for (int i = 0; i < 4; i++) {
		pts[i].x = x[i % n];
		pts[i].y = x[(i + 1) % n] * i;
	}
	struct Inner in = {0.5, {1, 2, 3}};
	for (int k = 0; k < 3; k++)
		in.arr[k] += pts[k].x * pts[k + 1].y;
	Vec2 *pp = pts + 1;
	pp[1].x = in.c;
	return in.arr[0] + in.arr[1] * in.arr[2] + pts[2].x + pp->y;
}

/* struct holding a pointer and a count, walked like a layer */
double layer(const Layer *L, const double *in)
{
	double s = 0;
	for (int i = 0; i < L->n; i++)
		s += L->w[i] * in[i];
	return s * L->scale;
}

/* a function returning a pointer to a freshly allocated struct */
Layer *layer_new(int n, double scale)
{
	Layer *L = malloc(sizeof(Layer));
	L->n = n;
	L->w = calloc((size_t)n, sizeof(double));
	for (int i = 0; i < n; i++)
		L->w[i] = 1.0 / (i + 1);
	L->scale = scale;
	return L;
}

void layer_free(Layer *L)
{
	free(L->w);
	free(L);
}

double use_layers(const double *in, int n)
{
	Layer *a = layer_new(n, 0.5);
	Layer *b = layer_new(n - 1, 2);
	b->w[0] = layer(a, in);
	double r = layer(b, in) + a->w[n - 1];
	layer_free(a);
	layer_free(b);
	return r;
}

/* a struct returned by value from a loop */
Body integrate(Body b, double dt, int steps)
{
	for (int s = 0; s < steps; s++) {
		b.vel.y -= 9.81 * dt;
		Vec2 d = {b.vel.x * dt, b.vel.y * dt};
		b.pos = vadd(b.pos, d);
		if (b.pos.y < 0) {
			b.pos.y = -b.pos.y;
			b.vel.y = -0.9 * b.vel.y;
			b.id++;
		}
	}
	return b;
}
#endif

#ifdef TEST_MAIN
Vec2 vadd(Vec2 a, Vec2 b);
double vlen2(Vec2 v);
double byvalue(double a, const Vec2 *p);
double chains(struct Outer *o, int i);
double bodies(Body *b, int n, double dt);
double locals(const double *x, int n);
double layer(const Layer *L, const double *in);
Layer *layer_new(int n, double scale);
void layer_free(Layer *L);
double use_layers(const double *in, int n);
Body integrate(Body b, double dt, int steps);

static void prb(const Body *b)
{
	printf("  body %a %a %a %a %a %d\n", b->pos.x, b->pos.y, b->vel.x, b->vel.y, b->mass, b->id);
}

int main(void)
{
	Vec2 p = {0.25, -3.5};
	printf("byvalue %a %a\n", byvalue(1.5, &p), byvalue(-0.1, &p));
	Vec2 r = vadd(p, p);
	printf("vadd %a %a\n", r.x, r.y);
	for (int i = 0; i < 4; i++) {
		double q[6] = {1, 2, 3, 4, 5, 6};
		struct Outer o = {{{0.75, {1, -2, 4}}, 3}, q, {1.25, 0}};
		double s = chains(&o, i);
		printf("chains %a %a %a %a %a %a %a\n", s, o.a.b.arr[0], o.a.b.arr[1],
			o.a.b.arr[2], q[i + 1], o.v.y, o.a.b.c);
	}
	Body bs[3] = {{{0, 1}, {1, 2}, 3, 7}, {{1, 1}, {-1, 0.5}, 2, 8}, {{2, 0}, {0, -1}, 1, 9}};
	printf("bodies %a\n", bodies(bs, 3, 0.1));
	for (int i = 0; i < 3; i++)
		prb(&bs[i]);
	double x[5] = {0.5, -1.25, 3.0, 1e-3, 7.5};
	printf("locals %a %a %a\n", locals(x, 5), locals(x, 2), locals(x + 3, 1));
	printf("use_layers %a %a\n", use_layers(x, 5), use_layers(x, 3));
	Layer *L = layer_new(4, 3);
	printf("layer %a %d %a\n", layer(L, x), L->n, L->w[3]);
	layer_free(L);
	Body b = integrate(bs[1], 0.05, 40);
	prb(&b);
	prb(&bs[1]);
	return 0;
}
#endif

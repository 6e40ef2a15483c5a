/* Vector forward mode with structs in memory that carries derivatives:
 * struct pointer parameters (input, in/out), nested members, a struct with
 * an int member (no slot), local structs and arrays of structs, struct
 * values passed to and returned by a helper, struct copies, a malloc'd
 * struct returned through a pointer, memset/memcpy of struct arrays, a
 * struct with an array member and a nested struct, a helper returning a
 * struct by value, a struct without derivatives stored into memory with
 * them (a memset of its shadow; F_d refuses this one), a struct chosen
 * by ?: (its tangent block is copied in each arm).
 * Shadow layout: one slot per double in memory order, slot s of element i
 * of a Body array (5 doubles) at bd[(i*5 + s)*nd + k].
 * Each F_dv column is checked against F_d (1e-13) and against central
 * finite differences (1e-6).
RUN: %adcc %s -o %t.d.c --header %t.d.h
RUN: FileCheck %s < %t.d.c
The header names the user's struct types, so it is included after them:
RUN: %cc -DTDH='"%t.d.h"' %s %t.d.c -o %t %rt && %t
RUN: %cc %san -DTDH='"%t.d.h"' %s %t.d.c -o %t.san %rt && %t.san
RUN: %clang -c %t.d.c -o %t.o
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
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
	double c[3];
	int n;
	Vec2 at;
} Poly;

/* the shadow of a struct pointer is a pointer to its slots:
   CHECK-LABEL: double energy_dv(const Body *b, const double *bd, int n, double *retd, int nd)
*/
ADCC_FORWARD("b -> return")
ADCC_VECTOR("b -> return")
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
ADCC_VECTOR("b -> b")
void step(Body *b, int n, double dt)
{
	for (int i = 0; i < n; i++) {
		b[i].pos.x += dt * b[i].vel.x;
		b[i].pos.y += dt * b[i].vel.y;
		b[i].vel.x *= exp(-dt * b[i].mass);
	}
}

/* struct values in and out of a helper */
static Vec2 rot(Vec2 v, double a)
{
	Vec2 r;
	r.x = cos(a) * v.x - sin(a) * v.y;
	r.y = sin(a) * v.x + cos(a) * v.y;
	return r;
}

/* a struct by value: its tangent is its block of slots, pd[s*nd + k]
   CHECK-LABEL: double frame_dv(Vec2 p, const double *pd, const Vec2 *q, const double *qd, double a, const double *ad, int n, double *retd, int nd)
   CHECK: memcpy(
*/
ADCC_FORWARD("p, q, a -> return")
ADCC_VECTOR("p, q, a -> return")
double frame(Vec2 p, const Vec2 *q, double a, int n)
{
	Vec2 acc = {0, 0};
	Vec2 pts[4];
	for (int i = 0; i < 4; i++)
		pts[i] = q[i % n];
	pts[1].y *= p.x;
	Vec2 r = rot(p, a);
	for (int i = 0; i < 4; i++) {
		Vec2 t = rot(pts[i], a * i);
		acc.x += t.x * r.y;
		acc.y += t.y;
	}
	Vec2 c = acc;
	c.x = c.x * c.y;
	return c.x + acc.y * r.x;
}

/* a helper that returns an allocated struct */
static Vec2 *make_vec(double x, double y)
{
	Vec2 *v = malloc(sizeof *v);
	v->x = x * y;
	v->y = x - y;
	return v;
}

/* malloc'd structs, memset and memcpy of struct arrays (all doubles, so
 * their shadows are nd times their bytes) */
ADCC_FORWARD("x, q -> return")
ADCC_VECTOR("x, q -> return")
double heap(double x, const Vec2 *q, int n)
{
	Vec2 *v = make_vec(x, 2.0);
	Vec2 *buf = malloc(n * sizeof *buf);
	Vec2 *cp = malloc(n * sizeof *cp);
	memset(buf, 0, n * sizeof *buf);
	for (int i = 0; i < n; i++) {
		buf[i].x += q[i].y * v->x;
		buf[i].y = buf[i].x * q[i].x + v->y;
	}
	memcpy(cp, buf, n * sizeof *buf);
	double s = 0;
	for (int i = 0; i < n; i++)
		s += cp[i].x * cp[n - 1 - i].y;
	free(v);
	free(buf);
	free(cp);
	return s;
}

static Vec2 mk(double a)
{
	Vec2 r = {a, a * a};
	return r;
}

static double norm(const Vec2 *p)
{
	return sqrt(p->x * p->x + p->y * p->y);
}

/* slots of a Poly: c[0], c[1], c[2], at.x, at.y */
ADCC_FORWARD("q, t -> return")
ADCC_VECTOR("q, t -> return")
double peval(const Poly *q, double t, int m)
{
	Poly loc[2];
	loc[0] = q[0];
	loc[1] = q[m - 1];
	loc[1].at.y += t;
	double s = 0;
	for (int i = 0; i < 2; i++) {
		double v = 0;
		for (int j = loc[i].n - 1; j >= 0; j--)
			v = v * t + loc[i].c[j];
		s += v * norm(&loc[i].at);
	}
	Vec2 r = mk(s);
	return r.y + r.x;
}

/* CHECK-LABEL: void fill_dv({{.*}}){{$}}
   CHECK: memset((void *)outd, 0,
*/
ADCC_VECTOR("a -> out")
void fill(double a, Vec2 *out)
{
	Vec2 z = {0, 0};
	out[0] = z;
	out[1].x = a;
	out[1].y = a * out[0].y;
}

ADCC_FORWARD("a, b -> return")
ADCC_VECTOR("a, b -> return")
double choose(Vec2 a, Vec2 b, int c)
{
	Vec2 r = c ? a : b;
	return r.x * r.y + a.x;
}

#ifndef __ADCC__
#include "adtest.h"
#include TDH

enum { NB = 4, NS = 5 * NB, ND = 3, NQ = 4 };

/* pack/unpack the doubles of the bodies: slot order */
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
/* frame and heap: v = [p.x, p.y, q…, a] / [x, q…] */
static void frame_v(void *c, const double *v, double *y)
{
	Vec2 p = {v[0], v[1]}, q[NQ];
	(void)c;
	memcpy(q, v + 2, sizeof q);
	y[0] = frame(p, q, v[2 + 2 * NQ], NQ);
}
static void heap_v(void *c, const double *v, double *y)
{
	Vec2 q[NQ];
	(void)c;
	memcpy(q, v + 1, sizeof q);
	y[0] = heap(v[0], q, NQ);
}

enum { NP = 2, PS = 5 };
static void ppack(Poly *q, const double *v)
{
	for (int i = 0; i < NP; i++) {
		memcpy(q[i].c, v + PS * i, sizeof q[i].c);
		q[i].n = 3 - i;
		q[i].at.x = v[PS * i + 3];
		q[i].at.y = v[PS * i + 4];
	}
}
static void peval_v(void *c, const double *v, double *y)
{
	Poly q[NP];
	(void)c;
	ppack(q, v);
	y[0] = peval(q, v[PS * NP], NP);
}
static void fill_v(void *c, const double *v, double *y)
{
	Vec2 o[2] = {{1, 2}, {3, 4}};
	(void)c;
	fill(v[0], o);
	memcpy(y, o, sizeof o);
}

static void choose_v(void *c, const double *v, double *y)
{
	Vec2 a = {v[0], v[1]}, b = {v[2], v[3]};
	y[0] = choose(a, b, *(int *)c);
}

/* column k of a flat shadow: dir[s] = sh[s*ND + k] */
static void column(const double *sh, int ns, int k, double *dir)
{
	for (int s = 0; s < ns; s++)
		dir[s] = sh[s * ND + k];
}

int main(void)
{
	adt_seed(11);
	for (int trial = 0; trial < 3; trial++) {
		double v[NS], sh[NS * ND], dir[NS], fd[NS];
		for (int i = 0; i < NB; i++) {
			adt_fill(v + 5 * i, 4, -2, 2);
			v[5 * i + 4] = adt_uniform(0.5, 2);
		}
		adt_fill(sh, NS * ND, -1, 1);
		Body b[NB], bd[NB];
		put(b, v);
		double retd[ND], rd;
		double e = energy_dv(b, sh, NB, retd, ND);
		for (int k = 0; k < ND; k++) {
			column(sh, NS, k, dir);
			put(bd, dir);
			adt_tol = 1e-13;
			adt_check_exact("energy value", k, e, energy_d(b, bd, NB, &rd));
			adt_check("energy_dv vs energy_d", k, retd[k], rd);
			adt_tol = 1e-6;
			adt_fd_dir(energy_v, NULL, NS, v, dir, 1, fd);
			adt_check("energy_dv vs fd", k, retd[k], fd[0]);
		}

		/* in/out: the shadow is updated in place */
		double shv[NS * ND], out[NS], outd[NS];
		memcpy(shv, sh, sizeof sh);
		put(b, v);
		step_dv(b, shv, NB, 0.1, ND);
		for (int k = 0; k < ND; k++) {
			Body b1[NB];
			put(b1, v);
			column(sh, NS, k, dir);
			put(bd, dir);
			step_d(b1, bd, NB, 0.1);
			get(b1, out);
			get(bd, outd);
			adt_fd_dir(step_v, NULL, NS, v, dir, NS, fd);
			for (int s = 0; s < NS; s++) {
				adt_tol = 1e-13;
				adt_check("step_dv vs step_d", s * ND + k, shv[s * ND + k], outd[s]);
				adt_tol = 1e-6;
				adt_check("step_dv vs fd", s * ND + k, shv[s * ND + k], fd[s]);
			}
		}
		double bv[NS];
		get(b, bv);
		for (int s = 0; s < NS; s++)
			adt_check_exact("step_dv value", s, bv[s], out[s]);

		/* frame: p (2 slots), q (2*NQ), a */
		enum { NF = 3 + 2 * NQ };
		double fv[NF], fdir[NF], pd[2 * ND], qd[2 * NQ * ND], ad[ND];
		adt_fill(fv, NF, -1.5, 1.5);
		adt_fill(pd, 2 * ND, -1, 1);
		adt_fill(qd, 2 * NQ * ND, -1, 1);
		adt_fill(ad, ND, -1, 1);
		Vec2 p = {fv[0], fv[1]}, q[NQ];
		memcpy(q, fv + 2, sizeof q);
		double fval = frame_dv(p, pd, q, qd, fv[NF - 1], ad, NQ, retd, ND);
		for (int k = 0; k < ND; k++) {
			column(pd, 2, k, fdir);
			column(qd, 2 * NQ, k, fdir + 2);
			fdir[NF - 1] = ad[k];
			Vec2 p1 = {fdir[0], fdir[1]}, q1[NQ];
			memcpy(q1, fdir + 2, sizeof q1);
			adt_tol = 1e-13;
			adt_check_exact("frame value", k, fval,
				frame_d(p, p1, q, q1, fv[NF - 1], ad[k], NQ, &rd));
			adt_check("frame_dv vs frame_d", k, retd[k], rd);
			adt_tol = 1e-6;
			adt_fd_dir(frame_v, NULL, NF, fv, fdir, 1, fd);
			adt_check("frame_dv vs fd", k, retd[k], fd[0]);
		}

		/* heap: x, q */
		enum { NH = 1 + 2 * NQ };
		double hv[NH], hdir[NH], xd[ND];
		adt_fill(hv, NH, -1.5, 1.5);
		adt_fill(xd, ND, -1, 1);
		memcpy(q, hv + 1, sizeof q);
		double hval = heap_dv(hv[0], xd, q, qd, NQ, retd, ND);
		for (int k = 0; k < ND; k++) {
			hdir[0] = xd[k];
			column(qd, 2 * NQ, k, hdir + 1);
			Vec2 q1[NQ];
			memcpy(q1, hdir + 1, sizeof q1);
			adt_tol = 1e-13;
			adt_check_exact("heap value", k, hval, heap_d(hv[0], xd[k], q, q1, NQ, &rd));
			adt_check("heap_dv vs heap_d", k, retd[k], rd);
			adt_tol = 1e-6;
			adt_fd_dir(heap_v, NULL, NH, hv, hdir, 1, fd);
			adt_check("heap_dv vs fd", k, retd[k], fd[0]);
		}

		/* peval: q (NP Polys of PS slots), t */
		enum { NE = PS * NP + 1 };
		double ev[NE], esh[NE * ND], edir[NE];
		adt_fill(ev, NE, -1, 1);
		adt_fill(esh, NE * ND, -1, 1);
		Poly pq[NP], pqd[NP];
		ppack(pq, ev);
		double pval = peval_dv(pq, esh, ev[NE - 1], esh + (NE - 1) * ND, NP, retd, ND);
		for (int k = 0; k < ND; k++) {
			column(esh, NE, k, edir);
			ppack(pqd, edir);
			adt_tol = 1e-13;
			adt_check_exact("peval value", k, pval,
				peval_d(pq, pqd, ev[NE - 1], edir[NE - 1], NP, &rd));
			adt_check("peval_dv vs peval_d", k, retd[k], rd);
			adt_tol = 1e-6;
			adt_fd_dir(peval_v, NULL, NE, ev, edir, 1, fd);
			adt_check("peval_dv vs fd", k, retd[k], fd[0]);
		}

		/* fill: the zeroed struct's shadow is zero whatever it held */
		Vec2 o[2] = {{1, 2}, {3, 4}};
		double od[4 * ND];
		adt_fill(od, 4 * ND, -1, 1);
		fill_dv(hv[0], xd, o, od, ND);
		for (int k = 0; k < ND; k++) {
			adt_fd_dir(fill_v, NULL, 1, hv, xd + k, 4, fd);
			for (int s = 0; s < 4; s++)
				adt_check("fill_dv vs fd", s * ND + k, od[s * ND + k], fd[s]);
		}

		/* choose: a, b by value */
		for (int c = 0; c < 2; c++) {
			double cv[4], cad[2 * ND], cbd[2 * ND], cdir[4];
			adt_fill(cv, 4, -1, 1);
			adt_fill(cad, 2 * ND, -1, 1);
			adt_fill(cbd, 2 * ND, -1, 1);
			Vec2 a = {cv[0], cv[1]}, b = {cv[2], cv[3]};
			double cval = choose_dv(a, cad, b, cbd, c, retd, ND);
			for (int k = 0; k < ND; k++) {
				column(cad, 2, k, cdir);
				column(cbd, 2, k, cdir + 2);
				Vec2 a1 = {cdir[0], cdir[1]}, b1 = {cdir[2], cdir[3]};
				adt_tol = 1e-13;
				adt_check_exact("choose value", k, cval, choose_d(a, a1, b, b1, c, &rd));
				adt_check("choose_dv vs choose_d", k, retd[k], rd);
				adt_tol = 1e-6;
				adt_fd_dir(choose_v, &c, 4, cv, cdir, 1, fd);
				adt_check("choose_dv vs fd", k, retd[k], fd[0]);
			}
		}
	}
	return adt_done();
}
#endif

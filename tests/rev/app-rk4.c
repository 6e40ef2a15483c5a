// An ODE integrator in reverse: classical RK4 over many steps for a damped
// pendulum with a forcing term; the adjoint of the final state with respect
// to the initial state and the parameters (time-stepping loop, helper
// called four times per step, local stage arrays).  y is a pure output:
// its adjoint is 0 on return.  Rows of the Jacobian (F_b with unit seeds)
// against central differences, the dot-product test against F_d to 1e-12,
// under both call strategies, the tape empty afterwards.
// RUN: %adcc %s --forward 'integrate:y0,p->y' --reverse 'integrate:y0,p->y' -o %t.c --header %t.h
// RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
// RUN: %adcc %s --calls=tape --forward 'integrate:y0,p->y' --reverse 'integrate:y0,p->y' -o %t.t.c --header %t.t.h
// RUN: %cc -include %t.t.h %s %t.t.c -o %t.t %rt && %t.t
// RUN: %adcc %s --calls=recompute --forward 'integrate:y0,p->y' --reverse 'integrate:y0,p->y' -o %t.r.c --header %t.r.h
// RUN: %cc -include %t.r.h %s %t.r.c -o %t.r %rt && %t.r
// RUN: %clang -c %t.c -o %t.o
#include <math.h>

/* dy/dt for y = (angle, velocity); p = (damping, stiffness, forcing) */
static void rhs(double t, const double *y, const double *p, double *dy)
{
	dy[0] = y[1];
	dy[1] = -p[0] * y[1] - p[1] * sin(y[0]) + p[2] * cos(0.5 * t);
}

void integrate(const double *y0, const double *p, double *y, double t1, int nsteps)
{
	double h = t1 / nsteps, t = 0;
	double k1[2], k2[2], k3[2], k4[2], tmp[2];
	y[0] = y0[0];
	y[1] = y0[1];
	for (int s = 0; s < nsteps; s++) {
		rhs(t, y, p, k1);
		for (int i = 0; i < 2; i++)
			tmp[i] = y[i] + 0.5 * h * k1[i];
		rhs(t + 0.5 * h, tmp, p, k2);
		for (int i = 0; i < 2; i++)
			tmp[i] = y[i] + 0.5 * h * k2[i];
		rhs(t + 0.5 * h, tmp, p, k3);
		for (int i = 0; i < 2; i++)
			tmp[i] = y[i] + h * k3[i];
		rhs(t + h, tmp, p, k4);
		for (int i = 0; i < 2; i++)
			y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
		t += h;
	}
}

#ifndef __ADCC__
#include "adtest.h"
#include "adcc_rt.h"

static void integrate_v(void *c, const double *x, double *y)
{
	integrate(x, x + 2, y, 10.0, *(int *)c);
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

int main(void)
{
	adt_seed(13);
	int nsteps = 1000;
	for (int k = 0; k < 5; k++) {
		double x[5], xd[5], xb[5], y[2], yd[2], yb[2], w[2], y1[2], e[5], col[2], J[10];
		x[0] = adt_uniform(-1, 1), x[1] = adt_uniform(-1, 1);
		x[2] = adt_uniform(0.05, 0.3), x[3] = adt_uniform(0.5, 2), x[4] = adt_uniform(0, 0.5);
		adt_fill(xd, 5, -1, 1);
		integrate_d(x, xd, x + 2, xd + 2, y, yd, 10.0, nsteps);
		integrate_v(&nsteps, x, y1);
		/* F_b: the primal y, y's adjoint consumed, the dot product */
		adt_fill(w, 2, -1, 1);
		memcpy(yb, w, sizeof yb);
		memset(xb, 0, sizeof xb);
		y[0] = y[1] = NAN;
		integrate_b(x, xb, x + 2, xb + 2, y, yb, 10.0, nsteps);
		adt_check_array_exact("rk4_b", 2, y, y1);
		adt_check_exact("pure output adjoint", 0, yb[0], 0);
		adt_check_exact("pure output adjoint", 1, yb[1], 0);
		tape_empty("tape", k);
		double tol = adt_tol;
		adt_tol = 1e-12;
		adt_check("rk4 dot", k, adt_dot(5, xd, xb), adt_dot(2, yd, w));
		adt_tol = tol;
		/* the Jacobian's rows against central differences */
		for (int i = 0; i < 5; i++) {
			memset(e, 0, sizeof e);
			e[i] = 1;
			adt_fd_dir(integrate_v, &nsteps, 5, x, e, 2, col);
			J[i] = col[0], J[5 + i] = col[1];
		}
		for (int j = 0; j < 2; j++) {
			yb[0] = j == 0, yb[1] = j == 1;
			memset(xb, 0, sizeof xb);
			integrate_b(x, xb, x + 2, xb + 2, y, yb, 10.0, nsteps);
			adt_check_array("rk4 row", 5, xb, J + 5 * j);
		}
	}
	return adt_done();
}
#endif

// An ODE integrator: classical RK4 over many steps for a damped pendulum
// with a forcing term; the tangent of the final state with respect to the
// initial state and the parameters (time-stepping loop, helper called four
// times per step, local stage arrays).
// RUN: %adcc %s --forward 'integrate:y0,p->y' -o %t.d.c --header %t.d.h
// RUN: %cc -include %t.d.h %s %t.d.c -o %t %rt && %t
// RUN: %clang -c %t.d.c -o %t.o
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

void integrate_d(const double *y0, const double *y0d, const double *p, const double *pd,
	double *y, double *yd, double t1, int nsteps);

static void integrate_v(void *c, const double *x, double *y)
{
	integrate(x, x + 2, y, 10.0, *(int *)c);
}

int main(void)
{
	adt_seed(13);
	int nsteps = 1000;
	for (int k = 0; k < 5; k++) {
		double x[5], xd[5], y[2], yd[2], y1[2], fd[2];
		x[0] = adt_uniform(-1, 1), x[1] = adt_uniform(-1, 1);
		x[2] = adt_uniform(0.05, 0.3), x[3] = adt_uniform(0.5, 2), x[4] = adt_uniform(0, 0.5);
		adt_fill(xd, 5, -1, 1);
		integrate_d(x, xd, x + 2, xd + 2, y, yd, 10.0, nsteps);
		integrate_v(&nsteps, x, y1);
		adt_check_array_exact("rk4", 2, y, y1);
		adt_fd_dir(integrate_v, &nsteps, 5, x, xd, 2, fd);
		adt_check_array("rk4'", 2, yd, fd);
	}
	return adt_done();
}
#endif

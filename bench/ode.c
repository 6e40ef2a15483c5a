/* ode.c — classical fourth-order Runge–Kutta on the generalised
 * Lotka–Volterra system (n species, growth rates r, interaction matrix A):
 *
 *   du_i/dt = u_i (r_i + sum_j A_ij u_j)
 *
 * k1 = f(u), k2 = f(u + h/2 k1), k3 = f(u + h/2 k2), k4 = f(u + h k3),
 * u += h/6 (k1 + 2 k2 + 2 k3 + k4), for nsteps steps from u0; the loss is
 * the squared distance of the final state to a target.  adcc
 * differentiates ode_loss with respect to u0, r and A (bench/Makefile).
 */
#include <stdlib.h>

static void lv_rhs(int n, const double *r, const double *a, const double *u,
	double *du)
{
	for (int i = 0; i < n; i++) {
		double s = r[i];
		for (int j = 0; j < n; j++)
			s += a[i * n + j] * u[j];
		du[i] = u[i] * s;
	}
}

double ode_loss(int n, int nsteps, double h, const double *u0,
	const double *r, const double *a, const double *target)
{
	double *u = malloc(n * sizeof(double));
	double *v = malloc(n * sizeof(double));
	double *k1 = malloc(n * sizeof(double));
	double *k2 = malloc(n * sizeof(double));
	double *k3 = malloc(n * sizeof(double));
	double *k4 = malloc(n * sizeof(double));
	for (int i = 0; i < n; i++)
		u[i] = u0[i];
	for (int s = 0; s < nsteps; s++) {
		lv_rhs(n, r, a, u, k1);
		for (int i = 0; i < n; i++)
			v[i] = u[i] + 0.5 * h * k1[i];
		lv_rhs(n, r, a, v, k2);
		for (int i = 0; i < n; i++)
			v[i] = u[i] + 0.5 * h * k2[i];
		lv_rhs(n, r, a, v, k3);
		for (int i = 0; i < n; i++)
			v[i] = u[i] + h * k3[i];
		lv_rhs(n, r, a, v, k4);
		for (int i = 0; i < n; i++)
			u[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
	}
	double loss = 0;
	for (int i = 0; i < n; i++)
		loss += (u[i] - target[i]) * (u[i] - target[i]);
	free(u);
	free(v);
	free(k1);
	free(k2);
	free(k3);
	free(k4);
	return loss;
}

/* Vector forward mode with multi-dimensional arrays and pointers: local
 * double a[3][4] and t[2][3][2], a row-pointer parameter double (*m)[4]
 * (input and in/out), a row passed to a helper taking double *, pointers
 * chosen by a branch and advanced in a loop, a float matrix.
 * Shadow layout: the same shape with each element replaced by nd values,
 * element m[i][j] of direction k at md[(i*4 + j)*nd + k].
 * Each F_dv column is checked against F_d (1e-13) and against central
 * finite differences (1e-6).
RUN: %adcc %s -o %t.d.c --header %t.d.h
RUN: FileCheck %s < %t.d.c
RUN: %cc -include %t.d.h %s %t.d.c -o %t %rt && %t
RUN: %cc %san -include %t.d.h %s %t.d.c -o %t.san %rt && %t.san
RUN: %clang -c %t.d.c -o %t.o
*/
#include <math.h>
#include "adcc.h"

static double dot(const double *a, const double *b, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += a[i] * b[i];
	return s;
}

/* the shadow of a row pointer is flat:
   CHECK-LABEL: double quad_dv(const double (*m)[4], const double *md, const double *x, const double *xd, int n, double *retd, int nd)
   CHECK: md[
*/
ADCC_FORWARD("m, x -> return")
ADCC_VECTOR("m, x -> return")
double quad(const double (*m)[4], const double *x, int n)
{
	double a[3][4];
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 4; j++)
			a[i][j] = m[i % n][j] * x[j] + (i == j);
	double t[2][3][2];
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 3; j++)
			for (int l = 0; l < 2; l++)
				t[i][j][l] = sin(a[j][i + 2 * l]) * a[j][l];
	double s = 0;
	for (int i = 0; i < 3; i++)
		s += dot(a[i], x, 4) * t[i % 2][i][1] + t[1][i][0] * a[2][i];
	return s;
}

/* in/out rows: m <- m + h * tanh(m) m^T (for a 3x4 m) */
ADCC_FORWARD("m -> m")
ADCC_VECTOR("m -> m")
void relax(double (*m)[4], double h)
{
	double g[3][3];
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++)
			g[i][j] = tanh(dot(m[i], m[j], 4));
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 4; j++) {
			double s = 0;
			for (int l = 0; l < 3; l++)
				s += g[i][l] * m[l][j];
			m[i][j] += h * s;
		}
}

/* pointers chosen by a branch and advanced in a loop (their shadows are
 * carried the same way) */
ADCC_FORWARD("x, y -> return")
ADCC_VECTOR("x, y -> return")
double walk(const double *x, const double *y, int n, int c)
{
	const double *p = c ? x : y, *q = y + n;
	double s = 0;
	for (int i = 0; i < n; i++) {
		q--;
		s += *p * *q + exp(p[0] - q[0]);
		p++;
	}
	return s;
}

/* float: the shadow has the element type */
ADCC_FORWARD("w, v -> return")
ADCC_VECTOR("w, v -> return")
float fmat(const float (*w)[3], const float *v)
{
	float u[2][3];
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 3; j++)
			u[i][j] = w[i][j] * v[j];
	return u[0][0] * u[1][2] + sinf(u[1][1]) * u[0][2];
}

#ifndef __ADCC__
#include <string.h>
#include "adtest.h"

enum { ND = 3, NM = 12, N = 4 };

static void quad_v(void *c, const double *v, double *y)
{
	(void)c;
	y[0] = quad((const double (*)[4])v, v + NM, 3);
}
static void relax_v(void *c, const double *v, double *y)
{
	double m[3][4];
	(void)c;
	memcpy(m, v, sizeof m);
	relax(m, 0.3);
	memcpy(y, m, sizeof m);
}
static void walk_v(void *c, const double *v, double *y)
{
	y[0] = walk(v, v + N, N, *(int *)c);
}

static void column(const double *sh, int ns, int k, double *dir)
{
	for (int s = 0; s < ns; s++)
		dir[s] = sh[s * ND + k];
}

int main(void)
{
	adt_seed(5);
	for (int trial = 0; trial < 3; trial++) {
		double v[NM + 4], sh[(NM + 4) * ND], dir[NM + 4], fd[NM];
		double retd[ND], rd;
		adt_fill(v, NM + 4, -1, 1);
		adt_fill(sh, (NM + 4) * ND, -1, 1);
		const double (*m)[4] = (const double (*)[4])v;
		double val = quad_dv(m, sh, v + NM, sh + NM * ND, 3, retd, ND);
		for (int k = 0; k < ND; k++) {
			column(sh, NM + 4, k, dir);
			adt_tol = 1e-13;
			adt_check_exact("quad value", k, val,
				quad_d(m, (const double (*)[4])dir, v + NM, dir + NM, 3, &rd));
			adt_check("quad_dv vs quad_d", k, retd[k], rd);
			adt_tol = 1e-6;
			adt_fd_dir(quad_v, NULL, NM + 4, v, dir, 1, fd);
			adt_check("quad_dv vs fd", k, retd[k], fd[0]);
		}

		double mv[3][4], mvd[NM * ND];
		memcpy(mv, v, sizeof mv);
		memcpy(mvd, sh, sizeof mvd);
		relax_dv(mv, mvd, 0.3, ND);
		for (int k = 0; k < ND; k++) {
			double m1[3][4], m1d[3][4];
			memcpy(m1, v, sizeof m1);
			column(sh, NM, k, dir);
			memcpy(m1d, dir, sizeof m1d);
			relax_d(m1, m1d, 0.3);
			adt_fd_dir(relax_v, NULL, NM, v, dir, NM, fd);
			for (int s = 0; s < NM; s++) {
				adt_tol = 1e-13;
				adt_check_exact("relax value", s, mv[s / 4][s % 4], m1[s / 4][s % 4]);
				adt_check("relax_dv vs relax_d", s * ND + k, mvd[s * ND + k],
					m1d[s / 4][s % 4]);
				adt_tol = 1e-6;
				adt_check("relax_dv vs fd", s * ND + k, mvd[s * ND + k], fd[s]);
			}
		}

		for (int c = 0; c < 2; c++) {
			val = walk_dv(v, sh, v + N, sh + N * ND, N, c, retd, ND);
			for (int k = 0; k < ND; k++) {
				column(sh, 2 * N, k, dir);
				adt_tol = 1e-13;
				adt_check_exact("walk value", k, val,
					walk_d(v, dir, v + N, dir + N, N, c, &rd));
				adt_check("walk_dv vs walk_d", k, retd[k], rd);
				adt_tol = 1e-6;
				adt_fd_dir(walk_v, &c, 2 * N, v, dir, 1, fd);
				adt_check("walk_dv vs fd", k, retd[k], fd[0]);
			}
		}

		float w[2][3], fv[3], wd[6 * ND], fvd[3 * ND], fr[ND], frd;
		for (int i = 0; i < 6; i++)
			w[i / 3][i % 3] = (float)v[i];
		for (int i = 0; i < 3; i++)
			fv[i] = (float)v[6 + i];
		for (int i = 0; i < 6 * ND; i++)
			wd[i] = (float)sh[i];
		for (int i = 0; i < 3 * ND; i++)
			fvd[i] = (float)sh[6 * ND + i];
		float fval = fmat(w, fv);
		adt_check_exact("fmat value", 0, fmat_dv(w, wd, fv, fvd, fr, ND), fval);
		for (int k = 0; k < ND; k++) {
			float w1[2][3], v1[3];
			for (int i = 0; i < 6; i++)
				w1[i / 3][i % 3] = wd[i * ND + k];
			for (int i = 0; i < 3; i++)
				v1[i] = fvd[i * ND + k];
			fmat_d(w, w1, fv, v1, &frd);
			adt_tol = 1e-6;
			adt_check("fmat_dv vs fmat_d", k, fr[k], frd);
		}
	}
	return adt_done();
}
#endif

// Bundle-adjustment style residual in reverse: a camera (angle-axis
// rotation, translation, focal length, two radial distortion terms) projects
// a 3-D point; the reprojection residual of several observations (points
// used more than once: their adjoints accumulate), adjoint with respect to
// the camera and the points.  res is a pure output: its adjoint is 0 on
// return.  Jacobian rows (F_b with unit seeds) against central differences,
// the dot-product test against F_d to 1e-12, both branches of rotate.
/* RUN: %adcc %s --forward 'residuals:cam,pts->res' --reverse 'residuals:cam,pts->res' \
 * RUN:   -o %t.c --header %t.h
 * RUN: %cc -include %t.h %s %t.c -o %t %rt && %t
 * RUN: %cc %san -include %t.h %s %t.c -o %t.san %rt && %t.san
 * RUN: %clang -c %t.c -o %t.o
 */
#include <math.h>

/* Rodrigues' rotation of p by the angle-axis vector w */
static void rotate(const double *w, const double *p, double *q)
{
	double theta2 = w[0] * w[0] + w[1] * w[1] + w[2] * w[2];
	if (theta2 > 1e-12) {
		double theta = sqrt(theta2);
		double c = cos(theta), s = sin(theta);
		double k[3] = {w[0] / theta, w[1] / theta, w[2] / theta};
		double kxp[3] = {k[1] * p[2] - k[2] * p[1], k[2] * p[0] - k[0] * p[2],
			k[0] * p[1] - k[1] * p[0]};
		double kp = k[0] * p[0] + k[1] * p[1] + k[2] * p[2];
		for (int i = 0; i < 3; i++)
			q[i] = p[i] * c + kxp[i] * s + k[i] * kp * (1 - c);
	} else {
		/* first order near the origin */
		q[0] = p[0] + w[1] * p[2] - w[2] * p[1];
		q[1] = p[1] + w[2] * p[0] - w[0] * p[2];
		q[2] = p[2] + w[0] * p[1] - w[1] * p[0];
	}
}

/* cam: w[3], t[3], f, k1, k2 */
static void project(const double *cam, const double *x, double *uv)
{
	double q[3];
	rotate(cam, x, q);
	for (int i = 0; i < 3; i++)
		q[i] += cam[3 + i];
	double u = -q[0] / q[2], v = -q[1] / q[2];
	double r2 = u * u + v * v;
	double d = 1 + r2 * (cam[7] + cam[8] * r2);
	uv[0] = cam[6] * d * u;
	uv[1] = cam[6] * d * v;
}

void residuals(const double *cam, const double *pts, const double *obs, const int *idx,
	int m, double *res)
{
	for (int j = 0; j < m; j++) {
		double uv[2];
		project(cam, pts + 3 * idx[j], uv);
		res[2 * j] = uv[0] - obs[2 * j];
		res[2 * j + 1] = uv[1] - obs[2 * j + 1];
	}
}

#ifndef __ADCC__
#include "adtest.h"

enum { NP = 4, M = 7, NC = 9, NX = NC + 3 * NP };
static double OBS[2 * M];
static int IDX[M] = {0, 1, 2, 3, 2, 1, 0};

static void res_v(void *c, const double *x, double *y)
{
	(void)c;
	residuals(x, x + NC, OBS, IDX, M, y);
}

int main(void)
{
	adt_seed(12);
	adt_fill(OBS, 2 * M, -1, 1);
	for (int k = 0; k < 6; k++) {
		double x[NX], xd[NX], xb[NX], r[2 * M], rd[2 * M], rb[2 * M], w[2 * M], r0[2 * M];
		double J[2 * M * NX], col[2 * M];
		adt_fill(x, NC, -0.3, 0.3);
		if (k == 5)
			x[0] = x[1] = x[2] = 0;        /* the small-angle branch */
		x[5] += 5, x[6] = 1.5 + x[6], x[7] *= 0.1, x[8] *= 0.01;
		adt_fill(x + NC, 3 * NP, -1, 1);
		adt_fill(xd, NX, -1, 1);
		residuals_d(x, xd, x + NC, xd + NC, OBS, IDX, M, r, rd);
		res_v(NULL, x, r0);
		adt_fill(w, 2 * M, -1, 1);
		memcpy(rb, w, sizeof rb);
		memset(xb, 0, sizeof xb);
		for (int i = 0; i < 2 * M; i++)
			r[i] = NAN;
		residuals_b(x, xb, x + NC, xb + NC, OBS, IDX, M, r, rb);
		adt_check_array_exact("res_b", 2 * M, r, r0);
		for (int i = 0; i < 2 * M; i++)
			adt_check_exact("pure output adjoint", i, rb[i], 0);
		double tol = adt_tol;
		adt_tol = 1e-12;
		adt_check("res dot", k, adt_dot(NX, xd, xb), adt_dot(2 * M, rd, w));
		adt_tol = tol;
		/* rows against central differences (k == 5: the derivative in
		 * the small-angle branch is that of its first-order formula, so
		 * the rotation's columns are not compared there) */
		for (int i = 0; i < NX; i++) {
			double e[NX] = {0};
			e[i] = 1;
			adt_fd_dir(res_v, NULL, NX, x, e, 2 * M, col);
			for (int j = 0; j < 2 * M; j++)
				J[j * NX + i] = col[j];
		}
		for (int j = 0; j < 2 * M; j++) {
			memset(rb, 0, sizeof rb);
			rb[j] = 1;
			memset(xb, 0, sizeof xb);
			residuals_b(x, xb, x + NC, xb + NC, OBS, IDX, M, r, rb);
			int from = k == 5 ? 3 : 0;
			adt_check_array("res row", NX - from, xb + from, J + j * NX + from);
		}
	}
	return adt_done();
}
#endif

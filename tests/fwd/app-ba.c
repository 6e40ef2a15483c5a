// Bundle-adjustment style residual: a camera (angle-axis rotation,
// translation, focal length, two radial distortion terms) projects a 3-D
// point; the reprojection residual of several observations, tangent with
// respect to the camera and the points (array outputs).
// RUN: %adcc %s --forward 'residuals:cam,pts->res' -o %t.d.c --header %t.d.h
// RUN: %cc -include %t.d.h %s %t.d.c -o %t %rt && %t
// RUN: %clang -c %t.d.c -o %t.o
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

void residuals_d(const double *cam, const double *camd, const double *pts, const double *ptsd,
	const double *obs, const int *idx, int m, double *res, double *resd);

enum { NP = 4, M = 7, NC = 9 };
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
		double x[NC + 3 * NP], xd[NC + 3 * NP], r[2 * M], rd[2 * M], r0[2 * M], fd[2 * M];
		adt_fill(x, NC, -0.3, 0.3);
		if (k == 5)
			x[0] = x[1] = x[2] = 0;        /* the small-angle branch */
		x[5] += 5, x[6] = 1.5 + x[6], x[7] *= 0.1, x[8] *= 0.01;
		adt_fill(x + NC, 3 * NP, -1, 1);
		adt_fill(xd, NC + 3 * NP, -1, 1);
		if (k == 5)
			xd[0] = xd[1] = xd[2] = 0;     /* stay in the branch */
		residuals_d(x, xd, x + NC, xd + NC, OBS, IDX, M, r, rd);
		res_v(NULL, x, r0);
		adt_check_array_exact("res", 2 * M, r, r0);
		adt_fd_dir(res_v, NULL, NC + 3 * NP, x, xd, 2 * M, fd);
		adt_check_array("res'", 2 * M, rd, fd);
	}
	return adt_done();
}
#endif

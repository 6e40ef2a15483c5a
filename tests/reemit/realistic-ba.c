/* Re-emission of a realistic file: bundle-adjustment reprojection error (as
 * in ADBench's BA) with Rodrigues rotation, radial distortion, local arrays,
 * pointer aliases into the camera block and a loop over observations.
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
#include <math.h>
#include <stdio.h>

#define BA_NCAMPARAMS 11
#define ROT_IDX 0
#define C_IDX 3
#define F_IDX 6
#define X0_IDX 7
#define RAD_IDX 9

#ifndef MAIN_ONLY
static double sqsum(int n, const double *x)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += x[i] * x[i];
	return s;
}

static void cross(const double *a, const double *b, double *out)
{
	out[0] = a[1] * b[2] - a[2] * b[1];
	out[1] = a[2] * b[0] - a[0] * b[2];
	out[2] = a[0] * b[1] - a[1] * b[0];
}

// CHECK-LABEL: static void rodrigues_rotate_point(const double *rot, const double *X, double *rotatedX){{$}}
// CHECK: double sqtheta = sqsum(3, rot);
// CHECK: double w[3];
static void rodrigues_rotate_point(const double *rot, const double *X, double *rotatedX)
{
	double sqtheta = sqsum(3, rot);
	if (sqtheta != 0) {
		double theta = sqrt(sqtheta);
		double costheta = cos(theta);
		double sintheta = sin(theta);
		double theta_inverse = 1.0 / theta;
		double w[3];
		for (int i = 0; i < 3; i++)
			w[i] = rot[i] * theta_inverse;
		double w_cross_X[3];
		cross(w, X, w_cross_X);
		double tmp = (w[0] * X[0] + w[1] * X[1] + w[2] * X[2]) * (1. - costheta);
		for (int i = 0; i < 3; i++)
			rotatedX[i] = X[i] * costheta + w_cross_X[i] * sintheta + w[i] * tmp;
	} else {
		double rot_cross_X[3];
		cross(rot, X, rot_cross_X);
		for (int i = 0; i < 3; i++)
			rotatedX[i] = X[i] + rot_cross_X[i];
	}
}

static void radial_distort(const double *rad_params, double *proj)
{
	double rsq = sqsum(2, proj);
	double L = 1. + rad_params[0] * rsq + rad_params[1] * rsq * rsq;
	proj[0] = proj[0] * L;
	proj[1] = proj[1] * L;
}

static void project(const double *cam, const double *X, double *proj)
{
	const double *C = &cam[C_IDX];
	double Xo[3], Xcam[3];
	Xo[0] = X[0] - C[0];
	Xo[1] = X[1] - C[1];
	Xo[2] = X[2] - C[2];
	rodrigues_rotate_point(&cam[ROT_IDX], Xo, Xcam);
	proj[0] = Xcam[0] / Xcam[2];
	proj[1] = Xcam[1] / Xcam[2];
	radial_distort(&cam[RAD_IDX], proj);
	proj[0] = proj[0] * cam[F_IDX] + cam[X0_IDX];
	proj[1] = proj[1] * cam[F_IDX] + cam[X0_IDX + 1];
}

static void computeReprojError(const double *cam, const double *X, const double *w,
	const double *feat, double *err)
{
	double proj[2];
	project(cam, X, proj);
	err[0] = (*w) * (proj[0] - feat[0]);
	err[1] = (*w) * (proj[1] - feat[1]);
}

static void computeZachWeightError(const double *w, double *err)
{
	*err = 1 - (*w) * (*w);
}

// CHECK-LABEL: void ba_objective(int n, int m, int p, const double *cams, const double *X, const double *w, const int *obs, const double *feats, double *reproj_err, double *w_err){{$}}
// CHECK: for (int i = 0; i < p; i++) {
void ba_objective(int n, int m, int p, const double *cams, const double *X,
	const double *w, const int *obs, const double *feats,
	double *reproj_err, double *w_err)
{
	(void)n;
	(void)m;
	for (int i = 0; i < p; i++) {
		int camIdx = obs[i * 2 + 0];
		int ptIdx = obs[i * 2 + 1];
		computeReprojError(&cams[camIdx * BA_NCAMPARAMS], &X[ptIdx * 3],
			&w[i], &feats[i * 2], &reproj_err[2 * i]);
	}
	for (int i = 0; i < p; i++)
		computeZachWeightError(&w[i], &w_err[i]);
}

/* a sum of squares over all residuals, aliasing one output block twice */
double ba_total(int n, int m, int p, const double *cams, const double *X,
	const double *w, const int *obs, const double *feats, double *scratch)
{
	double *re = scratch, *we = scratch + 2 * p;
	ba_objective(n, m, p, cams, X, w, obs, feats, re, we);
	double s = 0;
	const double *q = scratch;
	for (int i = 0; i < 3 * p; i++, q++)
		s += *q * *q;
	return s;
}
#endif

#ifdef TEST_MAIN
void ba_objective(int n, int m, int p, const double *cams, const double *X,
	const double *w, const int *obs, const double *feats,
	double *reproj_err, double *w_err);
double ba_total(int n, int m, int p, const double *cams, const double *X,
	const double *w, const int *obs, const double *feats, double *scratch);

static unsigned long long rs = 88172645463325252ull;
static double rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return (double)(rs >> 11) / 9007199254740992.0 * 2 - 1;
}

int main(void)
{
	enum { NC = 3, NP = 5, NO = 12 };
	double cams[NC * BA_NCAMPARAMS], X[NP * 3], w[NO], feats[NO * 2];
	int obs[NO * 2];
	for (int i = 0; i < NC * BA_NCAMPARAMS; i++)
		cams[i] = rnd() * 0.3;
	cams[ROT_IDX] = cams[ROT_IDX + 1] = cams[ROT_IDX + 2] = 0;   /* theta == 0 branch */
	for (int c = 0; c < NC; c++)
		cams[c * BA_NCAMPARAMS + F_IDX] = 1 + c;
	for (int i = 0; i < NP * 3; i++)
		X[i] = rnd() * 2;
	for (int i = 0; i < NP; i++)
		X[i * 3 + 2] += 5;
	for (int i = 0; i < NO; i++) {
		w[i] = 1 + 0.1 * rnd();
		obs[2 * i] = i % NC;
		obs[2 * i + 1] = (i * 7) % NP;
		feats[2 * i] = rnd();
		feats[2 * i + 1] = rnd();
	}
	double re[NO * 2], we[NO];
	ba_objective(NC, NP, NO, cams, X, w, obs, feats, re, we);
	for (int i = 0; i < NO; i++)
		printf("ba %a %a %a\n", re[2 * i], re[2 * i + 1], we[i]);
	double scratch[NO * 3];
	printf("total %a\n", ba_total(NC, NP, NO, cams, X, w, obs, feats, scratch));
	return 0;
}
#endif

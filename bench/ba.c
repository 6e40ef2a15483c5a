/* ba.c — bundle-adjustment reprojection error, as in ADBench's ba_objective
 * (Srajer et al. 2018, after Agarwal et al. 2010, "Bundle adjustment in the
 * large"), summed as a nonlinear least-squares cost.
 *
 * A camera has 11 parameters: Rodrigues rotation vector r (3), centre c (3),
 * focal length f, principal point x0 (2), radial distortion kappa (2).
 * Observation o sees point X[pt] from camera cam:
 *
 *   Y = R(r) (X - c),  p = Y[0:2] / Y[2],  p *= 1 + k1 |p|^2 + k2 |p|^4,
 *   e = f p + x0 - feat_o          (2 residuals)
 *   cost = sum_o |e_o|^2
 *
 * R(r) v = v cos t + (w x v) sin t + w (w . v)(1 - cos t), w = r / t,
 * t = |r|; for t = 0 the first-order form v + r x v (as in ADBench).
 * adcc differentiates ba_cost with respect to cams and X (bench/Makefile).
 *
 * Compiled with -DBA_RESIDUALS, this file gives the residuals of one
 * observation instead of the cost: ba_project, which adcc differentiates
 * with respect to its camera and point for the reverse-mode Jacobian.  Two
 * objects from one source, so that each has a single caller of project()
 * and gcc inlines the whole model into it (with two callers in one object
 * it does not, and ba_cost is 20 % slower).
 */
#include <math.h>

#define BA_NCAMPAR 11

static void cross(const double *a, const double *b, double *out)
{
	out[0] = a[1] * b[2] - a[2] * b[1];
	out[1] = a[2] * b[0] - a[0] * b[2];
	out[2] = a[0] * b[1] - a[1] * b[0];
}

static void rodrigues_rotate_point(const double *rot, const double *pt,
	double *rotated)
{
	double sqtheta = rot[0] * rot[0] + rot[1] * rot[1] + rot[2] * rot[2];
	if (sqtheta != 0) {
		double theta = sqrt(sqtheta);
		double costheta = cos(theta);
		double sintheta = sin(theta);
		double theta_inverse = 1.0 / theta;
		double w[3], w_cross_pt[3];
		for (int i = 0; i < 3; i++)
			w[i] = rot[i] * theta_inverse;
		cross(w, pt, w_cross_pt);
		double tmp = (w[0] * pt[0] + w[1] * pt[1] + w[2] * pt[2]) *
			(1.0 - costheta);
		for (int i = 0; i < 3; i++)
			rotated[i] = pt[i] * costheta + w_cross_pt[i] * sintheta +
				w[i] * tmp;
	} else {
		double rot_cross_pt[3];
		cross(rot, pt, rot_cross_pt);
		for (int i = 0; i < 3; i++)
			rotated[i] = pt[i] + rot_cross_pt[i];
	}
}

static void radial_distort(const double *rad_params, double *proj)
{
	double rsq = proj[0] * proj[0] + proj[1] * proj[1];
	double l = 1 + rad_params[0] * rsq + rad_params[1] * rsq * rsq;
	proj[0] = proj[0] * l;
	proj[1] = proj[1] * l;
}

/* proj = projection of X by cam */
static void project(const double *cam, const double *x, double *proj)
{
	double xo[3], xcam[3];
	for (int i = 0; i < 3; i++)
		xo[i] = x[i] - cam[3 + i];
	rodrigues_rotate_point(&cam[0], xo, xcam);
	proj[0] = xcam[0] / xcam[2];
	proj[1] = xcam[1] / xcam[2];
	radial_distort(&cam[9], proj);
	proj[0] = proj[0] * cam[6] + cam[7];
	proj[1] = proj[1] * cam[6] + cam[8];
}

#ifndef BA_RESIDUALS
/* ncam cameras, npt points: the extents of cams and x */
double ba_cost(int ncam, int npt, int nobs, const double *cams,
	const double *x, const int *obs, const double *feats)
{
	(void)ncam;
	(void)npt;
	double cost = 0;
	for (int o = 0; o < nobs; o++) {
		double proj[2];
		project(&cams[obs[2 * o] * BA_NCAMPAR], &x[obs[2 * o + 1] * 3], proj);
		double e0 = proj[0] - feats[2 * o];
		double e1 = proj[1] - feats[2 * o + 1];
		cost += e0 * e0 + e1 * e1;
	}
	return cost;
}
#else
/* err[2] = the projection of point x by camera cam, minus the feature */
void ba_project(const double *cam, const double *x, const double *feat,
	double *err)
{
	double proj[2];
	project(cam, x, proj);
	err[0] = proj[0] - feat[0];
	err[1] = proj[1] - feat[1];
}
#endif

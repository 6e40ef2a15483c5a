/* ba_bench.c — data and adapters for ba.c, at the size of ADBench's first
 * BA instance (49 cameras, 7776 points, 31843 observations).
 * p = [cams (11 per camera) | x (3 per point)].  The reverse modes compute
 * the Jacobian of all residuals (ba_project, ba.c with -DBA_RESIDUALS,
 * for each observation) block by block: for each observation the 2 x 14
 * Jacobian of its residuals with respect to its camera and point, one
 * reverse sweep per residual (ba_hand.c, and adcc's ba_project_b seeded
 * with a unit vector).  A derivative is the blocks
 * J[28*o + 14*k + j], row k of observation o, column j < 11 the camera's
 * parameter j, j >= 11 the point's coordinate j - 11. */
#include <stddef.h>
#include <string.h>
#include "bench.h"
#include "out/ba_d.h"
#include "out/ba_res_d.h"
#ifdef HAVE_VECTOR
#include "out/ba_dv.h"
#endif
#ifdef HAVE_REVERSE
#include "out/ba_res_b.h"
#endif

enum { NC = 49, NPT = 7776, NOBS = 31843 };
enum { OC = 0, OX = 11 * NC, NP = 11 * NC + 3 * NPT };

double ba_cost(int ncam, int npt, int nobs, const double *cams,
	const double *x, const int *obs, const double *feats);
void ba_project(const double *cam, const double *x, const double *feat,
	double *err);
void ba_hand_jac(int nobs, const double *cams, const double *x,
	const int *obs, const double *feats, double *err, double *J);
size_t ba_hand_saved(void);

static int obs[2 * NOBS];
static double feats[2 * NOBS];
static double err[2 * NOBS];

static double u(double a, double b) { return a + (b - a) * bench_unif(); }

static void setup(double *p)
{
	for (int c = 0; c < NC; c++) {
		double *cam = p + OC + 11 * c;
		for (int i = 0; i < 3; i++)
			cam[i] = u(-0.1, 0.1);            /* rotation */
		cam[3] = u(-1, 1), cam[4] = u(-1, 1);
		cam[5] = u(-12, -8);                  /* centre behind the scene */
		cam[6] = u(400, 600);                 /* focal length */
		cam[7] = u(-5, 5), cam[8] = u(-5, 5); /* principal point */
		cam[9] = u(-0.05, 0.05), cam[10] = u(-0.01, 0.01);
	}
	for (int i = 0; i < 3 * NPT; i++)
		p[OX + i] = u(-1, 1);
	for (int o = 0; o < NOBS; o++) {
		obs[2 * o] = (int)(NC * bench_unif());
		obs[2 * o + 1] = o % NPT;
		feats[2 * o] = u(-60, 60);
		feats[2 * o + 1] = u(-60, 60);
	}
}

static double primal(const double *p)
{
	return ba_cost(NC, NPT, NOBS, p + OC, p + OX, obs, feats);
}

static double tangent(const double *p, const double *pd, double *yd)
{
	return ba_cost_d(NC, NPT, NOBS, p + OC, pd + OC, p + OX, pd + OX, obs,
		feats, yd);
}

#ifdef HAVE_VECTOR
static double vec(const double *p, const double *pd, double *yd, int nd)
{
	return ba_cost_dv(NC, NPT, NOBS, p + OC, pd + OC * nd, p + OX,
		pd + OX * nd, obs, feats, yd, nd);
}
#else
#define vec NULL
#endif

/* the camera and point of observation o in p (or in a direction) */
static const double *cam_of(const double *p, int o)
{
	return p + OC + 11 * obs[2 * o];
}

static const double *pt_of(const double *p, int o)
{
	return p + OX + 3 * obs[2 * o + 1];
}

/* all residuals: y[2*o], y[2*o + 1] of observation o */
static void outputs(const double *p, double *y)
{
	for (int o = 0; o < NOBS; o++)
		ba_project(cam_of(p, o), pt_of(p, o), &feats[2 * o], &y[2 * o]);
}

static void outputs_d(const double *p, const double *pd, double *y,
	double *yd)
{
	for (int o = 0; o < NOBS; o++)
		ba_project_d(cam_of(p, o), cam_of(pd, o), pt_of(p, o), pt_of(pd, o),
			&feats[2 * o], &y[2 * o], &yd[2 * o]);
}

/* out = J v, block by block */
static void apply(const double *J, const double *v, double *out)
{
	for (int o = 0; o < NOBS; o++)
		for (int k = 0; k < 2; k++) {
			const double *row = &J[28 * o + 14 * k];
			const double *vc = cam_of(v, o), *vx = pt_of(v, o);
			double s = 0;
			for (int j = 0; j < 11; j++)
				s += row[j] * vc[j];
			for (int j = 0; j < 3; j++)
				s += row[11 + j] * vx[j];
			out[2 * o + k] = s;
		}
}

/* the sum of squared residuals, as ba_cost */
static double cost(const double *e)
{
	double c = 0;
	for (int o = 0; o < NOBS; o++)
		c += e[2 * o] * e[2 * o] + e[2 * o + 1] * e[2 * o + 1];
	return c;
}

static double hand(const double *p, double *J)
{
	ba_hand_jac(NOBS, p + OC, p + OX, obs, feats, err, J);
	return cost(err);
}

#ifdef HAVE_REVERSE
/* two reverse sweeps per observation, seeds errb = (1, 0) and (0, 1);
 * F_b accumulates into the adjoints of cam and x: zero the row first */
static double adcc_rev(const double *p, double *J)
{
	for (int o = 0; o < NOBS; o++)
		for (int k = 0; k < 2; k++) {
			double *row = &J[28 * o + 14 * k];
			double errb[2] = { k == 0, k == 1 };
			memset(row, 0, 14 * sizeof(double));
			ba_project_b(cam_of(p, o), row, pt_of(p, o), row + 11,
				&feats[2 * o], &err[2 * o], errb);
		}
	return cost(err);
}
#else
#define adcc_rev NULL
#endif

/* probe k < 11: parameter k of every camera; k >= 11: coordinate k - 11
 * of every point.  Each observation sees one camera and one point, so
 * J v is column k of every block. */
static void probe(int k, double *v)
{
	for (int i = 0; i < NP; i++)
		v[i] = 0;
	if (k < 11)
		for (int c = 0; c < NC; c++)
			v[OC + 11 * c + k] = 1;
	else
		for (int i = 0; i < NPT; i++)
			v[OX + 3 * i + k - 11] = 1;
}

static const int arrays[] = { OC, OX, NP };

const Bench bench_ba = {
	.name = "BA",
	.what = "bundle adjustment (ADBench projection: Rodrigues, centre, "
		"focal, principal point, 2 radial); tangent modes: the sum of "
		"squared residuals, reverse modes: all residuals and their Jacobian; "
		"49 cameras, 7776 points, 31843 observations; inputs cameras and "
		"points",
	.n = NP, .setup = setup, .primal = primal, .tangent = tangent,
	.vector = vec,
	.nout = 2 * NOBS, .nder = 28 * NOBS, .outputs = outputs,
	.outputs_d = outputs_d, .apply = apply, .arrays = arrays,
	.nprobe = 14, .probe = probe,
	.hand = hand, .hand_saved = ba_hand_saved, .adcc = adcc_rev,
};

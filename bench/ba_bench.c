/* ba_bench.c — data and adapters for ba.c, at the size of ADBench's first
 * BA instance (49 cameras, 7776 points, 31843 observations).
 * p = [cams (11 per camera) | x (3 per point)]. */
#include <stddef.h>
#include "bench.h"
#include "out/ba_d.h"
#ifdef HAVE_VECTOR
#include "out/ba_dv.h"
#endif

enum { NC = 49, NPT = 7776, NOBS = 31843 };
enum { OC = 0, OX = 11 * NC, NP = 11 * NC + 3 * NPT };

double ba_cost(int ncam, int npt, int nobs, const double *cams,
	const double *x, const int *obs, const double *feats);

static int obs[2 * NOBS];
static double feats[2 * NOBS];

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
static double vector(const double *p, const double *pd, double *yd, int nd)
{
	return ba_cost_dv(NC, NPT, NOBS, p + OC, pd + OC * nd, p + OX,
		pd + OX * nd, obs, feats, yd, nd);
}
#else
#define vector NULL
#endif

const Bench bench_ba = {
	"BA", "bundle adjustment (ADBench projection: Rodrigues, centre, focal, "
	"principal point, 2 radial), sum of squared residuals; 49 cameras, "
	"7776 points, 31843 observations; inputs cameras and points",
	NP, setup, primal, tangent, vector,
};

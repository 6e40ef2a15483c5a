/* gmm_bench.c — data and adapters for gmm.c (ADBench GMM, D=10, K=25,
 * N=1000, full covariance).  p = [alphas (K) | means (K*D) | icf (K*D(D+1)/2)]. */
#include <stddef.h>
#include "bench.h"
#include "out/gmm_d.h"
#ifdef HAVE_VECTOR
#include "out/gmm_dv.h"
#endif

enum { D = 10, K = 25, N = 1000, ICF = D * (D + 1) / 2 };
enum { OA = 0, OM = K, OI = K + K * D, NP = K + K * D + K * ICF };

void gmm_objective(int d, int k, int n, const double *alphas,
	const double *means, const double *icf, const double *x,
	double wgamma, int wm, double *err);

static double x[N * D];
static const double wgamma = 1.0;
static const int wm = 0;

static void setup(double *p)
{
	for (int i = 0; i < N * D; i++)
		x[i] = bench_unif();
	for (int i = 0; i < K; i++)
		p[OA + i] = bench_unif();
	for (int i = 0; i < K * D; i++)
		p[OM + i] = bench_unif();
	for (int i = 0; i < K * ICF; i++)
		p[OI + i] = 0.5 * bench_unif();
}

static double primal(const double *p)
{
	double err;
	gmm_objective(D, K, N, p + OA, p + OM, p + OI, x, wgamma, wm, &err);
	return err;
}

static double tangent(const double *p, const double *pd, double *yd)
{
	double err;
	gmm_objective_d(D, K, N, p + OA, pd + OA, p + OM, pd + OM, p + OI,
		pd + OI, x, wgamma, wm, &err, yd);
	return err;
}

#ifdef HAVE_VECTOR
static double vector(const double *p, const double *pd, double *yd, int nd)
{
	double err;
	gmm_objective_dv(D, K, N, p + OA, pd + OA * nd, p + OM, pd + OM * nd,
		p + OI, pd + OI * nd, x, wgamma, wm, &err, yd, nd);
	return err;
}
#else
#define vector NULL
#endif

const Bench bench_gmm = {
	"GMM", "ADBench GMM, full covariance (log-Cholesky), Wishart prior; "
	"D=10, K=25, N=1000; inputs alphas, means, icf",
	NP, setup, primal, tangent, vector,
};

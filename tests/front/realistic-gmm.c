// Realistic: Gaussian mixture log-likelihood with static helpers,
// malloc'd scratch arrays, sub-array addresses and early returns.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

#include <math.h>
#include <stdlib.h>
#include <float.h>

#define LOG_2PI 1.8378770664093453

static double logsumexp(const double *v, int k) {
  double m = -DBL_MAX;
  for (int j = 0; j < k; j++)
    if (v[j] > m)
      m = v[j];
  if (m == -DBL_MAX)
    return m;
  double s = 0;
  for (int j = 0; j < k; j++)
    s += exp(v[j] - m);
  return m + log(s);
}

static double log_gauss_diag(const double *x, const double *mu,
                             const double *logsig, int d) {
  double r = -0.5 * d * LOG_2PI;
  for (int l = 0; l < d; l++) {
    double z = (x[l] - mu[l]) * exp(-logsig[l]);
    r -= logsig[l] + 0.5 * z * z;
  }
  return r;
}

/* log-likelihood of n points in d dimensions under k diagonal Gaussians */
double gmm_loglik(int n, int d, int k, const double *x, const double *alpha,
                  const double *mu, const double *logsig) {
  double *lw = malloc(k * sizeof(double));
  double *terms = malloc((size_t)k * sizeof *terms);
  double lse_alpha = logsumexp(alpha, k);
  for (int j = 0; j < k; j++)
    lw[j] = alpha[j] - lse_alpha;
  double total = 0;
  for (int i = 0; i < n; i++) {
    const double *xi = x + i * d;
    for (int j = 0; j < k; j++)
      terms[j] = lw[j] + log_gauss_diag(xi, &mu[j * d], &logsig[j * d], d);
    total += logsumexp(terms, k);
  }
  free(terms);
  free(lw);
  return total;
}

// CHECK-LABEL: static func @logsumexp(
// CHECK: %m.4 = for.lt %j.1 = %j to %k
// CHECK: %ret = if {{%[0-9]+}} -> (f64)
// CHECK-NEXT: yield %m.4
// CHECK: call.f64 @exp(
// CHECK: call.f64 @log(

// CHECK-LABEL: static func @log_gauss_diag(
// CHECK: [[D:%[0-9]+]] = cast.f64 %d
// CHECK: for.lt %l.1 = %l to %d
// CHECK: %z = mul.f64

// CHECK-LABEL: {{^}}func @gmm_loglik(
// CHECK: %lw = cast.ptr<f64>
// CHECK: %terms = cast.ptr<f64>
// CHECK: %lse_alpha = call.f64 @logsumexp(%alpha, %k)
// CHECK: for.lt %i.1 = %i to %n
// CHECK: %xi = addr %x[
// CHECK: [[MU:%[0-9]+]] = addr %mu[
// CHECK: [[LS:%[0-9]+]] = addr %logsig[
// CHECK-NEXT: call.f64 @log_gauss_diag(%xi, [[MU]], [[LS]], %d)
// CHECK: store {{%[0-9]+}}, %terms[%j.3]
// CHECK: call.f64 @logsumexp(%terms, %k)
// CHECK: call @free(
// CHECK: call @free(
// CHECK: ret %total.3

// Realistic: bundle-adjustment reprojection residuals (Rodrigues
// rotation, radial distortion) with local arrays, pointer aliases into
// the camera block, index arrays, a struct by value and continue.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

#include <math.h>

typedef struct {
  double f, k1, k2;
} Intrinsics;

static void cross(const double *a, const double *b, double *c) {
  c[0] = a[1] * b[2] - a[2] * b[1];
  c[1] = a[2] * b[0] - a[0] * b[2];
  c[2] = a[0] * b[1] - a[1] * b[0];
}

/* Rodrigues rotation of X by the axis-angle w, then translation */
static void rotate_translate(const double *cam, const double *X, double *out) {
  const double *w = cam;
  const double *t = cam + 3;
  double theta2 = w[0] * w[0] + w[1] * w[1] + w[2] * w[2];
  double wx[3];
  cross(w, X, wx);
  if (theta2 > 1e-16) {
    double theta = sqrt(theta2);
    double c = cos(theta), s = sin(theta);
    double k[3] = {w[0] / theta, w[1] / theta, w[2] / theta};
    double kx[3];
    cross(k, X, kx);
    double kdotx = k[0] * X[0] + k[1] * X[1] + k[2] * X[2];
    for (int i = 0; i < 3; i++)
      out[i] = X[i] * c + kx[i] * s + k[i] * kdotx * (1 - c);
  } else {
    for (int i = 0; i < 3; i++)
      out[i] = X[i] + wx[i];
  }
  for (int i = 0; i < 3; i++)
    out[i] += t[i];
}

/* residuals of m observations: cams is 6 per camera, pts 3 per point */
void reproject(int m, const double *cams, const double *pts, const int *cam_idx,
               const int *pt_idx, const double *obs, Intrinsics in, double *res) {
  for (int o = 0; o < m; o++) {
    const double *cam = &cams[6 * cam_idx[o]];
    const double *X = pts + 3 * pt_idx[o];
    double P[3];
    rotate_translate(cam, X, P);
    double *r = res + 2 * o;
    if (P[2] <= 0) {
      r[0] = r[1] = 0;
      continue;
    }
    double u = P[0] / P[2], v = P[1] / P[2];
    double r2 = u * u + v * v;
    double dist = 1 + r2 * (in.k1 + in.k2 * r2);
    r[0] = in.f * dist * u - obs[2 * o];
    r[1] = in.f * dist * v - obs[2 * o + 1];
  }
}

// CHECK-LABEL: static func @rotate_translate(
// CHECK: %t = addr %cam[
// CHECK: %wx = alloca [3 x f64]
// CHECK-NEXT: call @cross(%cam, %X, %wx)
// CHECK: if {{%[0-9]+}} {{.*}}{
// CHECK: %k = alloca [3 x f64]
// CHECK: call @cross(%k, %X, %kx)
// CHECK: } else {
// CHECK: load.f64 %wx[
// CHECK: load.f64 %t[

// CHECK-LABEL: {{^}}func @reproject(
// CHECK: for.lt %o.1 = %o to %m
// CHECK: [[CI:%[0-9]+]] = load.i32 %cam_idx[%o.1]
// CHECK: %cam = addr %cams[
// CHECK: %X = addr %pts[
// CHECK: %P = alloca [3 x f64]
// CHECK-NEXT: call @rotate_translate(%cam, %X, %P)
// CHECK: %r = addr %res[
// The continue branch stores both residuals, the rest is in the else.
// CHECK: le {{%[0-9]+}},
// CHECK-NEXT: if {{%[0-9]+}} {{.*}}{
// CHECK: [[Z:%[0-9]+]] = const.f64 0
// CHECK-NEXT: store [[Z]], %r[
// CHECK-NEXT: store [[Z]], %r[
// CHECK: } else {
// CHECK: %u = div.f64
// CHECK: %k1 = field %in.1, .k1
// CHECK-NOT: %cont

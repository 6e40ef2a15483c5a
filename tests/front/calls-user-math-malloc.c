// Calls to functions of the file, to <math.h> and to malloc/calloc/free;
// external callees are declared, arguments converted to parameter types.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir
#include <math.h>
#include <stdlib.h>

// CHECK: declare @malloc(u64) -> ptr<void>
// CHECK: declare @exp(f64) -> f64
// CHECK: declare @pow(f64, f64) -> f64
// CHECK: declare @free(ptr<void>) -> void
// CHECK: declare @sinf(f32) -> f32
// CHECK-NOT: declare @sq(
// CHECK-NOT: declare @dot(

static double sq(double x) { return x * x; }
double dot(const double *a, const double *b, int n) {
  double s = 0;
  for (int i = 0; i < n; i++)
    s += a[i] * b[i];
  return s;
}
void axpy(double a, const double *x, double *y, int n) {
  for (int i = 0; i < n; i++)
    y[i] += a * x[i];
}

// CHECK-LABEL: func @norm_scratch(
// CHECK: [[M:%[0-9]+]] = call.ptr<void> @malloc(
// CHECK-NEXT: %t = cast.ptr<f64> [[M]]
// CHECK: call.f64 @exp(
// CHECK: call.f64 @sin(
// CHECK: call.f64 @cos(
// CHECK: call.f64 @pow({{%[0-9]+}}, {{%[0-9]+}})
// CHECK: [[Q:%[0-9]+]] = call.f64 @sq(
// CHECK-NEXT: call.f64 @log1p([[Q]])
// CHECK: store {{%[0-9]+}}, %t[%i.1]
// CHECK: call @axpy({{%[0-9]+}}, %x, %t, %n)
// CHECK: [[D:%[0-9]+]] = call.f64 @dot(%t, %t, %n)
// CHECK-NEXT: %r = call.f64 @sqrt([[D]])
// CHECK-NEXT: [[V:%[0-9]+]] = cast.ptr<void> %t
// CHECK-NEXT: call @free([[V]])
// CHECK-NEXT: ret %r
double norm_scratch(const double *x, int n) {
  double *t = malloc(n * sizeof *t);
  for (int i = 0; i < n; i++)
    t[i] = exp(x[i]) + sin(x[i]) * cos(x[i]) + pow(x[i], 2.5) + log1p(sq(x[i]));
  axpy(2.0, x, t, n);
  double r = sqrt(dot(t, t, n));
  free(t);
  return r;
}

// CHECK-LABEL: func @single_math(
// CHECK: call.f32 @sinf(%x)
// CHECK: call.f32 @sqrtf(%x)
// CHECK: call.f32 @fabsf(%x)
float single_math(float x) {
  return sinf(x) + sqrtf(x) + fabsf(x);
}

// Integer arguments are converted to the parameter type.
// CHECK-LABEL: func @int_arg(
// CHECK: [[K:%[0-9]+]] = cast.f64 %k
// CHECK-NEXT: call.f64 @sq([[K]])
// CHECK: [[K2:%[0-9]+]] = cast.f64 %k
// CHECK-NEXT: call.f64 @pow({{%[0-9]+}}, [[K2]])
double int_arg(int k) {
  return sq(k) + pow(2, k);
}

// A discarded result is still called.
// CHECK-LABEL: func @discarded(
// CHECK: call.f64 @dot(%x, %x, %n)
void discarded(const double *x, int n) {
  dot(x, x, n);
}

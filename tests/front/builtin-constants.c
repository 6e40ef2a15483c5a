// INFINITY, NAN and HUGE_VAL expand to clang builtins (__builtin_inff(),
// __builtin_nanf(""), __builtin_huge_val()); they are constants, not calls
// to undeclared functions.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir
#include <math.h>

// CHECK-NOT: __builtin
// CHECK-LABEL: func @bounds(
// CHECK: [[I:%[0-9]+]] = const.f32 inf
// CHECK-NEXT: [[N:%[0-9]+]] = neg.f32 [[I]]
// CHECK-NEXT: %lo = cast.f64 [[N]]
// CHECK-NEXT: %hi = const.f64 inf
// CHECK: const.f64 nan
// CHECK-NOT: call
double bounds(double x) {
  double lo = -INFINITY, hi = HUGE_VAL;
  float q = NAN;
  return x > lo && x < hi ? x : q;
}

// A running maximum started at -INFINITY.
// CHECK-LABEL: func @max_of(
// CHECK: [[I:%[0-9]+]] = const.f32 inf
// CHECK-NEXT: [[N:%[0-9]+]] = neg.f32 [[I]]
// CHECK-NEXT: %m = cast.f64 [[N]]
// CHECK: call.f64 @fmax(%m.1,
double max_of(const double *x, int n) {
  double m = -INFINITY;
  for (int i = 0; i < n; i++)
    m = fmax(m, x[i]);
  return m;
}

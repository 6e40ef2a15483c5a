// float stays float; float with a double constant is computed in double.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir
#include <math.h>

// CHECK-LABEL: func @sumsq(
// CHECK: %s = const.f32 0
// CHECK: [[P:%[0-9]+]] = mul.f32
// CHECK-NEXT: %s.2 = add.f32 %s.1, [[P]]
// CHECK-NOT: f64
// CHECK: ret
float sumsq(const float *x, int n) {
  float s = 0.0f;
  for (int i = 0; i < n; i++)
    s += x[i] * x[i];
  return s;
}

// 0.1f is the float nearest 0.1 (printed exactly as a double).
// CHECK-LABEL: func @mixed_literal(
// CHECK: [[C:%[0-9]+]] = const.f32 0.10000000149011612
// CHECK-NEXT: mul.f32 %x, [[C]]
// CHECK: const.f64 0.1
// CHECK: [[S:%[0-9]+]] = add.f64
// CHECK-NEXT: [[R:%[0-9]+]] = cast.f32 [[S]]
// CHECK-NEXT: ret [[R]]
float mixed_literal(float x) {
  return x * 0.1f + x * 0.1;
}

// CHECK-LABEL: func @promote_call(
// CHECK: [[X:%[0-9]+]] = cast.f64 %x
// CHECK-NEXT: call.f64 @exp([[X]])
// CHECK-NEXT: call.f32 @expf(%x)
double promote_call(float x) {
  return exp(x) + expf(x);
}

// CHECK-LABEL: func @half(
// CHECK: div.f32 %x,
float half(float x) { return x / 2; }
// CHECK-LABEL: func @f_of_int(
// CHECK: [[K:%[0-9]+]] = cast.f32 %k
// CHECK: mul.f32 [[K]],
float f_of_int(int k) { return k * 1.5f; }

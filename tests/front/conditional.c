// ?: becomes a select when both arms are cheap and cannot fault, an if
// otherwise; arms are converted to the common type.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @relu(
// CHECK: [[C:%[0-9]+]] = gt %x,
// CHECK: select.f64 [[C]], %x,
double relu(double x) {
  return x > 0 ? x : 0;
}

// CHECK-LABEL: func @mixed_arms(
// CHECK: [[K:%[0-9]+]] = cast.f64 %k
// CHECK-NEXT: select.f64 {{%[0-9]+}}, [[K]], %x
double mixed_arms(double x, int k) {
  return k > 0 ? k : x;
}

// CHECK-LABEL: func @lazy_arms(
// CHECK: [[R:%[0-9]+]] = if {{%[0-9]+}} -> (f64)
// CHECK-NEXT: load.f64 %p[%i]
// CHECK: ret [[R]]
double lazy_arms(const double *p, int i, int n) {
  return i < n ? p[i] : 0.0;
}

// An arm with an effect: k is assigned in one arm only.
// CHECK-LABEL: func @effect_arm(
// CHECK: %y, %k.2 = if {{%[0-9]+}} -> (f64, i32)
// CHECK: yield {{%[0-9]+}}, %k
// CHECK: %k.1 = const.i32 3
// CHECK-NEXT: yield %x, %k.1
// CHECK: cast.f64 %k.2
double effect_arm(double x, int k) {
  double y = k ? x * 2 : (k = 3, x);
  return y + k;
}

// CHECK-LABEL: func @nested_sel(
// CHECK: if {{%[0-9]+}} -> (f64)
// CHECK: } else {
// CHECK: select.f64
double nested_sel(double x) {
  return x < -1 ? -1 : x > 1 ? 1 : x;
}

// The division must not run when b == 0.
// CHECK-LABEL: func @safe_div(
// CHECK: [[NZ:%[0-9]+]] = ne %b,
// CHECK-NEXT: if [[NZ]] -> (f64)
// CHECK-NEXT: div.f64 %a, %b
// CHECK-NOT: select
double safe_div(double a, double b) {
  return b != 0 ? a / b : 0;
}

// CHECK-LABEL: func @null_arm(
// CHECK: const.ptr<f64> null
// CHECK: select.ptr<f64>
double *null_arm(double *p, int k) {
  return k ? p : 0;
}

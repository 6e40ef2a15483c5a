// static (and static inline) helpers are functions of the module, called
// directly, not declared.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-NOT: declare
// CHECK: static func @sq(%x: f64) -> f64
static double sq(double x) { return x * x; }
// CHECK: static func @cube(%x: f64) -> f64
// CHECK: call.f64 @sq(%x)
static inline double cube(double x) { return x * sq(x); }
// CHECK: static func @accumulate(%acc: ptr<f64>, %v: f64) -> void
static void accumulate(double *acc, double v) { *acc += v; }
// CHECK: static func @clampi(
static int clampi(int i, int lo, int hi) { return i < lo ? lo : i > hi ? hi : i; }

// A local whose address is passed to a helper lives in memory.
// CHECK-LABEL: {{^}}func @api(
// CHECK: %acc = alloca f64
// CHECK: [[I:%[0-9]+]] = call.i32 @clampi(
// CHECK-NEXT: [[X:%[0-9]+]] = load.f64 %x[[[I]]]
// CHECK-NEXT: [[C:%[0-9]+]] = call.f64 @cube([[X]])
// CHECK-NEXT: call @accumulate(%acc, [[C]])
// CHECK: load.f64 %acc
double api(const double *x, int n) {
  double acc = 0;
  for (int i = 0; i < n; i++)
    accumulate(&acc, cube(x[clampi(i + 1, 0, n - 1)]));
  return acc;
}

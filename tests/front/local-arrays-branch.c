// Local arrays are allocas, also when declared inside a branch or a loop
// body; missing initialisers are zero.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @branch_array(
// CHECK: %r.2 = if {{%[0-9]+}} -> (f64)
// CHECK-NEXT: %t = alloca [3 x f64]
// CHECK: store {{%[0-9]+}}, %t[%k.1]
// CHECK: } else {
// CHECK-NEXT: %u = alloca [2 x f64]
// CHECK: store {{%[0-9]+}}, %u[
// CHECK: store {{%[0-9]+}}, %u[
// CHECK: ret %r.2
double branch_array(const double *x, int n) {
  double r = 0;
  if (n > 3) {
    double t[3];
    for (int k = 0; k < 3; k++)
      t[k] = x[k] * x[k];
    r = t[0] + t[1] + t[2];
  } else {
    double u[2] = {x[0], 1.0};
    r = u[0] * u[1];
  }
  return r;
}

// CHECK-LABEL: func @loop_local_array(
// CHECK: do(%s.2, %i.2) {
// CHECK-NEXT: %w = alloca [2 x f64]
double loop_local_array(const double *x, int n) {
  double s = 0;
  for (int i = 0; i + 1 < n; i++) {
    double w[2] = {x[i], x[i + 1]};
    s += w[0] * w[1];
  }
  return s;
}

// z[2..7] are zeroed by a loop, c[1], c[2] one by one.
// CHECK-LABEL: func @partial_init(
// CHECK: %z = alloca [8 x f64]
// CHECK: [[LO:%[0-9]+]] = const.i64 2
// CHECK-NEXT: [[HI:%[0-9]+]] = const.i64 8
// CHECK-NEXT: [[ST:%[0-9]+]] = const.i64 1
// CHECK-NEXT: for.lt %k = [[LO]] to [[HI]] step [[ST]]
// CHECK-NEXT: [[Z:%[0-9]+]] = const.f64 0
// CHECK-NEXT: store [[Z]], %z[%k]
// CHECK: %c = alloca [3 x i32]
// CHECK-COUNT-3: store {{%[0-9]+}}, %c[
double partial_init(void) {
  double z[8] = {1, 2};
  int c[3] = {0};
  return z[1] + z[7] + c[2];
}

// 2-D local arrays: one alloca, two indices on load/store; a row decays to
// a pointer to its first element.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @trace3(
// CHECK: %m = alloca [3 x [3 x f64]]
// CHECK: store {{%[0-9]+}}, %m[%i.1][%j.1]
// CHECK: [[J:%[0-9]+]] = const.i32 0
// CHECK-NEXT: [[I:%[0-9]+]] = const.i32 0
// CHECK-NEXT: load.f64 %m[[[I]]][[[J]]]
double trace3(const double *a) {
  double m[3][3];
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      m[i][j] = a[3 * i + j];
  return m[0][0] + m[1][1] + m[2][2];
}

// r[1][0] = x, r[1][2] = 0.
// CHECK-LABEL: func @init_2d(
// CHECK: %r = alloca [2 x [3 x f64]]
// CHECK: store %x, %r[[[ONE:%[0-9]+]]][{{%[0-9]+}}]
// CHECK: [[TWO:%[0-9]+]] = const.i64 2
// CHECK-NEXT: [[Z:%[0-9]+]] = const.f64 0
// CHECK-NEXT: store [[Z]], %r[[[ONE]]][[[TWO]]]
double init_2d(double x) {
  double r[2][3] = {{1, 2, 3}, {x, 5}};
  return r[1][0] * r[0][2] + r[1][2];
}

// CHECK-LABEL: func @row_pointer(
// CHECK: %g = alloca [4 x [2 x f64]]
// CHECK: %row = addr %g[{{%[0-9]+}}][{{%[0-9]+}}]
// CHECK-NEXT: [[K:%[0-9]+]] = const.i32 1
// CHECK-NEXT: store %x, %row[[[K]]]
double row_pointer(double x) {
  double g[4][2] = {{0}};
  double *row = g[2];
  row[1] = x;
  return g[2][1];
}

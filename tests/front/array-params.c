// Array parameters are pointers (C11 6.7.6.3p7), whatever size is written:
// `double a[3]` is `double *a`, `double a[3][3]` is `double (*a)[3]`, and
// a VLA parameter `const double x[n]` is `const double *x`.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @one_d(%a: ptr<f64>, %x: f64) -> void
// CHECK: [[I:%[0-9]+]] = const.i32 1
// CHECK-NEXT: store %x, %a[[[I]]]
void one_d(double a[3], double x) { a[1] = x; }

// CHECK-LABEL: func @vla(%n: i32, %x: ptr<f64> const) -> f64
// CHECK: [[K:%[0-9]+]] = sub.i32 %n,
// CHECK-NEXT: load.f64 %x[[[K]]]
double vla(int n, const double x[n]) { return x[n - 1]; }

// CHECK-LABEL: func @static_size(%n: i32, %x: ptr<f64>) -> f64
double static_size(int n, double x[static 4]) { return x[3] * n; }

// The row index offsets the pointer, the column indexes the row array.
// CHECK-LABEL: func @two_d(%a: ptr<[3 x f64]>, %x: f64) -> void
// CHECK: [[C:%[0-9]+]] = const.i32 2
// CHECK-NEXT: [[R:%[0-9]+]] = const.i32 1
// CHECK-NEXT: store %x, %a[[[R]]][[[C]]]
// CHECK: load.f64 %a[{{%[0-9]+}}][{{%[0-9]+}}]
// CHECK: [[OLD:%[0-9]+]] = load.f64 %a[[[R2:%[0-9]+]]][[[C2:%[0-9]+]]]
// CHECK-NEXT: [[NEW:%[0-9]+]] = add.f64 [[OLD]],
// CHECK-NEXT: store [[NEW]], %a[[[R2]]][[[C2]]]
void two_d(double a[3][3], double x) {
  a[1][2] = x;
  a[2][1] += a[1][2];
}

// CHECK-LABEL: func @open_rows(%n: i32, %m: i32, %a: ptr<[4 x f64]> const) -> f64
// CHECK: load.f64 %a[%n][%m]
double open_rows(int n, int m, const double a[][4]) { return a[n][m]; }

typedef struct { double x; } S;
// CHECK-LABEL: func @structs(%s: ptr<$S>) -> f64
// CHECK: [[E:%[0-9]+]] = addr %s[{{%[0-9]+}}]
// CHECK-NEXT: field [[E]], .x
// CHECK: field %s, .x
double structs(S s[2]) { return s[1].x + s->x; }

// The parameter is a pointer: it can be stepped, and sizeof is that of a
// pointer.
// CHECK-LABEL: func @stepped(%a: ptr<f64>) -> f64
// CHECK: %a.1 = addr %a[{{%[0-9]+}}]
// CHECK: load.f64 %a.1
// CHECK: const.f64 8
double stepped(double a[3]) {
  double *p = a;
  a++;
  return *a + p[0] + sizeof(a);
}

double g(const double *p);
// CHECK-LABEL: func @passed_on(%a: ptr<f64>) -> f64
// CHECK: call.f64 @g(%a)
double passed_on(double a[4]) { return g(a); }

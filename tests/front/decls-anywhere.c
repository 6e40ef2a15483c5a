// Declarations with initialisers anywhere; block scoping and shadowing.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @late_decls(
// CHECK: %xi = load.f64 %x[%i.1]
// CHECK-NEXT: %sq = mul.f64 %xi, %xi
// CHECK-NEXT: %s.2 = add.f64 %s.1, %sq
// CHECK: %half = div.i32 %n,
// CHECK: [[H:%[0-9]+]] = cast.f64 %half
// CHECK-NEXT: %m = div.f64 %s.3, [[H]]
double late_decls(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) {
    double xi = x[i];
    double sq = xi * xi;
    s += sq;
  }
  int half = n / 2;
  double m = s / half;
  return m;
}

// The inner y shadows the outer one only inside its block: x + y is
// 2x + x.
// CHECK-LABEL: func @shadowing(
// CHECK: %y = mul.f64 {{%[0-9]+}}, %x
// CHECK-NEXT: add.f64 %y, %x
double shadowing(double x) {
  double y = x;
  {
    double y = 2 * x;
    x = y;
  }
  return x + y;
}

// CHECK-LABEL: func @uninit_then_branch(
// CHECK-NOT: undef
// CHECK: %y.1 = if
// CHECK: ret %y.1
double uninit_then_branch(double x) {
  double y;
  if (x > 0)
    y = x;
  else
    y = -x;
  return y;
}

// A variable declared in the body is not carried; one declared before the
// loop and assigned in it is.
// CHECK-LABEL: func @decl_in_loop_carried(
// CHECK: iter(%prev.1 = %prev, %s.1 = %s)
// CHECK: %cur = load.f64 %x[%i.1]
// CHECK-NEXT: sub.f64 %cur, %prev.1
// CHECK: yield %cur, %s.2
double decl_in_loop_carried(const double *x, int n) {
  double prev = 0, s = 0;
  for (int i = 0; i < n; i++) {
    double cur = x[i];
    s += cur - prev;
    prev = cur;
  }
  return s;
}

// CHECK-LABEL: func @multi_decl(
// CHECK: %b = add.i32 %a,
// CHECK: %c = mul.i32 %b,
// CHECK: %d = sub.i32 %c, %b
int multi_decl(int a) {
  int b = a + 1, c = b * 2, d;
  d = c - b;
  return d;
}

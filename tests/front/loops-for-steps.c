// Counting loops become for.PRED with a constant step; other loops stay
// while loops carrying the counter.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @up_lt(
// CHECK: [[S:%s.[0-9]+]] = for.lt %i.1 = %i to %n step {{%[0-9]+}} iter(%s.1 = %s)
// CHECK: load.f64 %x[%i.1]
// CHECK: ret [[S]]
double up_lt(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; i++)
    s += x[i];
  return s;
}

// CHECK-LABEL: func @up_le_step2(
// CHECK: %i = const.i32 1
// CHECK-NEXT: [[TWO:%[0-9]+]] = const.i32 2
// CHECK-NEXT: for.le %i.1 = %i to %n step [[TWO]]
double up_le_step2(const double *x, int n) {
  double s = 0;
  for (int i = 1; i <= n; i += 2)
    s += x[i];
  return s;
}

// Decrementing loops: the 'sub' step becomes a negative for step.
// CHECK-LABEL: func @down_ge(
// CHECK: %i = sub.i32 %n,
// CHECK: [[ZERO:%[0-9]+]] = const.i32 0
// CHECK-NEXT: [[M1:%[0-9]+]] = const.i32 -1
// CHECK-NEXT: for.ge %i.1 = %i to [[ZERO]] step [[M1]] iter(%s.1 = %s)
// CHECK: load.f64 %x[%i.1]
double down_ge(const double *x, int n) {
  double s = 0;
  for (int i = n - 1; i >= 0; i--)
    s = s * 0.5 + x[i];
  return s;
}

// CHECK-LABEL: func @down_gt_step3(
// CHECK: [[M3:%[0-9]+]] = const.i32 -3
// CHECK-NEXT: for.gt %i = %n to {{%[0-9]+}} step [[M3]] iter(%s.1 = %s)
double down_gt_step3(const double *x, int n) {
  double s = 0;
  for (int i = n; i > 0; i -= 3)
    s += x[i - 1];
  return s;
}

// 'n > i' is 'i < n' with the operands swapped.
// CHECK-LABEL: func @bound_first(
// CHECK: for.lt %i.1 = %i to %n step
double bound_first(const double *x, long n) {
  double s = 0;
  for (long i = 0; n > i; ++i)
    s += x[i];
  return s;
}

// The counter is used after the loop: it must stay a carried value.
// CHECK-LABEL: func @counter_used_after(
// CHECK: [[I:%i.[0-9]+]], [[S:%s.[0-9]+]] = while (%i, %s)
// CHECK: [[C:%[0-9]+]] = cast.f64 [[I]]
// CHECK-NEXT: add.f64 [[S]], [[C]]
double counter_used_after(const double *x, int n) {
  int i;
  double s = 0;
  for (i = 0; i < n; i++)
    s += x[i];
  return s + i;
}

// CHECK-LABEL: func @nested(
// CHECK: for.lt %i.1 = %i to %n step {{.*}} iter(%s.1 = %s)
// CHECK: for.lt %j.1 = %j to %m step {{.*}} iter(%s.2 = %s.1)
// CHECK: [[R:%[0-9]+]] = mul.i32 %i.1, %m
// CHECK-NEXT: [[K:%[0-9]+]] = add.i32 [[R]], %j.1
// CHECK-NEXT: load.f64 %a[[[K]]]
double nested(const double *a, int n, int m) {
  double s = 0;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < m; j++)
      s += a[i * m + j];
  return s;
}

// for (;;) with a break: the loop test is the break flag alone.
// CHECK-LABEL: func @forever(
// CHECK: while (%x, {{%[0-9]+}}) {{.*}} cond(%x.1, %brk) {
// CHECK-NEXT: [[GO:%[0-9]+]] = not.i1 %brk
// CHECK-NEXT: cond [[GO]], %x.1, %brk
double forever(double x) {
  for (;;) {
    x = x * 0.5;
    if (x < 1)
      break;
  }
  return x;
}

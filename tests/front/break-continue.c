// break sets a flag the loop test reads and guards the rest of the body
// (the increment included); a continue that ends the body needs no flag.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @first_negative(
// CHECK: while (%r, %i, {{%[0-9]+}}) {{.*}} cond(%r.1, %i.1, %brk) {
// CHECK-NEXT: [[NB:%[0-9]+]] = not.i1 %brk
// CHECK-NEXT: [[LT:%[0-9]+]] = lt %i.1, %n
// CHECK-NEXT: [[GO:%[0-9]+]] = and.i1 [[NB]], [[LT]]
// CHECK-NEXT: cond [[GO]], %r.1, %i.1, %brk
// CHECK: %r.4, %brk.2 = if {{%[0-9]+}} -> (f64, i1)
// CHECK: [[ON:%[0-9]+]] = const.i1 1
// CHECK-NEXT: yield %r.3, [[ON]]
// The increment runs only if the body did not break.
// CHECK: [[NOBRK:%[0-9]+]] = not.i1 %brk.2
// CHECK-NEXT: %i.4 = if [[NOBRK]] -> (i32)
// CHECK: add.i32 %i.2,
double first_negative(const double *x, int n) {
  double r = 0;
  for (int i = 0; i < n; i++) {
    if (x[i] < 0) {
      r = x[i];
      break;
    }
  }
  return r;
}

// continue as the end of the body: the rest goes into the else branch and
// the loop stays a counting loop.
// CHECK-LABEL: func @skip_negative(
// CHECK-NOT: %cont
// CHECK: for.lt %i.1 = %i to %n
// CHECK: %s.3 = if {{%[0-9]+}} -> (f64) {{.*}}{
// CHECK-NEXT: yield %s.1
// CHECK-NEXT: } else {
// CHECK: add.f64 %s.1,
// CHECK-NOT: %cont
// CHECK: ret
double skip_negative(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) {
    if (x[i] < 0)
      continue;
    s += x[i];
  }
  return s;
}

// CHECK-LABEL: func @both(
// CHECK-NOT: %cont
// CHECK: %v = load.f64 %x[%i.2]
// CHECK: %i.3 = add.i32 %i.2,
// CHECK: eq %v,
// CHECK: gt %v,
// CHECK: add.f64 %s.2, %v
// CHECK: yield %s.5, %i.3, %brk.3
double both(const double *x, int n) {
  double s = 0;
  int i = 0;
  while (i < n) {
    double v = x[i];
    i++;
    if (v == 0)
      continue;
    if (v > 100)
      break;
    s += v;
  }
  return s;
}

// A break in the inner loop leaves the outer loop a counting loop.
// CHECK-LABEL: func @inner_break(
// CHECK: for.lt %i.1 = %i to %n
// CHECK: while (%s.1, %j, {{%[0-9]+}})
// CHECK: not.i1 %brk
double inner_break(const double *a, int n, int m) {
  double s = 0;
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < m; j++) {
      if (a[i * m + j] < 0)
        break;
      s += a[i * m + j];
    }
  }
  return s;
}

// A branch that always continues: the rest of the body (s *= 2) moves into
// the other branch, no flag.
// CHECK-LABEL: func @mid_continue(
// CHECK-NOT: %cont
// CHECK: for.lt %i.1 = %i to %n
// CHECK: %s.6 = if {{%[0-9]+}} -> (f64) {{.*}}{
// CHECK: %s.2 = add.f64 %s.1,
// CHECK-NEXT: yield %s.2
// CHECK-NEXT: } else {
// CHECK: %s.4 = if
// CHECK: %s.5 = mul.f64 %s.4,
// CHECK-NEXT: yield %s.5
// CHECK-NOT: %cont
double mid_continue(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) {
    if (x[i] > 0) {
      s += 1;
      continue;
    } else if (x[i] < -1) {
      s -= 1;
    }
    s *= 2;
  }
  return s;
}

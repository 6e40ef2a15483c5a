// return sets the 'done' flag and the return value; statements after a
// statement that may return run under !done, loops test !done.  An
// 'if (c) return' puts the rest of the block in the else branch.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @clamp(
// CHECK-NOT: %done
// CHECK: %ret.1 = if {{%[0-9]+}} -> (f64) {{.*}}{
// CHECK-NEXT: yield %lo
// CHECK-NEXT: } else {
// CHECK: %ret = if {{%[0-9]+}} -> (f64) {{.*}}{
// CHECK-NEXT: yield %hi
// CHECK-NEXT: } else {
// CHECK-NEXT: yield %x
// CHECK: ret %ret.1
double clamp(double x, double lo, double hi) {
  if (x < lo)
    return lo;
  if (x > hi)
    return hi;
  return x;
}

// return inside a loop: the loop test reads done, the increment is
// guarded, the code after the loop runs under !done.
// CHECK-LABEL: func @find(
// CHECK: while (%i, {{%[0-9]+}}, {{%[0-9]+}}) {{.*}} cond(%i.1, %done, %ret) {
// CHECK-NEXT: not.i1 %done
// CHECK: %done.2, %ret.2 = if {{%[0-9]+}} -> (i1, f64)
// CHECK-NEXT: [[IV:%[0-9]+]] = cast.f64 %i.2
// CHECK-NEXT: [[ON:%[0-9]+]] = const.i1 1
// CHECK-NEXT: yield [[ON]], [[IV]]
// CHECK: not.i1 %done.2
// CHECK: [[AFTER:%[0-9]+]] = not.i1 %done.3
// CHECK-NEXT: %ret.4 = if [[AFTER]] -> (f64)
// CHECK: } else {
// CHECK-NEXT: yield %ret.3
// CHECK: ret %ret.4
double find(const double *x, int n, double key) {
  for (int i = 0; i < n; i++)
    if (x[i] == key)
      return i;
  return -1;
}

// CHECK-LABEL: func @scale_unless_zero(
// CHECK-NOT: %done
// CHECK: if {{%[0-9]+}} {{.*}}{
// CHECK-NEXT: yield
// CHECK-NEXT: } else {
// CHECK: for.lt
// CHECK: store
// CHECK: ret
void scale_unless_zero(double *y, int n, double a) {
  if (a == 0)
    return;
  for (int i = 0; i < n; i++)
    y[i] *= a;
}

// The store after the loop must not run when the loop returned.
// CHECK-LABEL: func @stop_at_negative(
// CHECK: %done.2, %ret.2 = if
// CHECK: store {{%[0-9]+}}, %y[%i.2]
// CHECK: [[GO:%[0-9]+]] = not.i1 %done.3
// CHECK-NEXT: %ret.4 = if [[GO]] -> (f64)
// CHECK: store {{%[0-9]+}}, %y[
// CHECK: } else {
// CHECK-NEXT: yield %ret.3
double stop_at_negative(double *y, int n) {
  for (int i = 0; i < n; i++) {
    if (y[i] < 0)
      return 1;
    y[i] = 2 * y[i];
  }
  y[0] = 1;
  return 0;
}

// CHECK-LABEL: func @ret_in_else(
// CHECK: %ret = if {{%[0-9]+}} -> (f64) {{.*}}{
// CHECK: %y.1 = add.f64 %y,
// CHECK: %y.2 = mul.f64 %y.1,
// CHECK-NEXT: yield %y.2
// CHECK-NEXT: } else {
// CHECK-NEXT: [[N:%[0-9]+]] = neg.f64 %y
// CHECK-NEXT: yield [[N]]
// CHECK: ret %ret
double ret_in_else(double x) {
  double y = x * x;
  if (x > 0) {
    y += 1;
  } else {
    return -y;
  }
  y *= 3;
  return y;
}

// A return from the inner loop ends both loops.
// CHECK-LABEL: func @nested_ret(
// CHECK: cond(%s.1, %i.1, %done, %ret) {
// CHECK-NEXT: not.i1 %done
// CHECK: cond(%s.3, %j.1, %done.2, %ret.2) {
// CHECK-NEXT: not.i1 %done.2
// CHECK: %s.6, %done.4, %ret.4 = if {{%[0-9]+}} -> (f64, i1, f64) {{.*}}{
// CHECK-NEXT: [[ON:%[0-9]+]] = const.i1 1
// CHECK-NEXT: yield %s.4, [[ON]], %s.4
// CHECK: not.i1 %done.6
double nested_ret(const double *x, int n, int m) {
  double s = 0;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < m; j++) {
      if (x[i * m + j] > 10)
        return s;
      s += x[i * m + j];
    }
  return -s;
}

// CHECK-LABEL: func @void_early(
// CHECK: if {{%[0-9]+}} {{.*}}{
// CHECK: } else {
// CHECK: store
void void_early(double *y, double a) {
  if (a < 0) {
    return;
  }
  y[0] = a;
}

// Several pointers into one block: each access goes through the pointer
// it is written with (no alias assumption is made here).
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @two_views(
// CHECK: %hi = addr %buf[%n]
// CHECK: load.f64 %buf[%i.1]
// CHECK: store {{%[0-9]+}}, %hi[%i.1]
// CHECK: load.f64 %hi[%i.1]
// CHECK: store {{%[0-9]+}}, %buf[%i.1]
void two_views(double *buf, int n) {
  double *lo = buf, *hi = buf + n;
  for (int i = 0; i < n; i++) {
    hi[i] = lo[i] * 2;
    lo[i] = hi[i] + 1;
  }
}

// The load after the store through the alias must stay after it.
// CHECK-LABEL: func @same_block(
// CHECK: store {{%[0-9]+}}, %x[
// CHECK: load.f64 %x[
// CHECK: load.f64 %x[
double same_block(double *x) {
  double *p = x, *q = x;
  p[0] = 3;
  return q[0] * p[0];
}

// CHECK-LABEL: func @local_alias(
// CHECK: %a = alloca [4 x f64]
// CHECK: %q = addr %a[
// CHECK: load.f64 %q[
// CHECK: store {{%[0-9]+}}, %a[
// CHECK: load.f64 %a[
double local_alias(void) {
  double a[4] = {1, 2, 3, 4};
  double *p = a, *q = &a[2];
  p[1] = q[0] + q[1];
  return a[1];
}

// A scalar whose address is taken lives in memory.
// CHECK-LABEL: func @addr_taken_scalar(
// CHECK: %t = alloca f64
// CHECK-NEXT: store %x, %t
// CHECK: load.f64 %t
// CHECK: store {{%[0-9]+}}, %t
// CHECK: load.f64 %t
double addr_taken_scalar(double x) {
  double t = x;
  double *pt = &t;
  *pt = *pt * 2;
  return t + x;
}

// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir
#include <math.h>

// CHECK-LABEL: func @halve_until(
// CHECK: %x.4 = while (%x) {{.*}} cond(%x.1) {
// CHECK-NEXT: [[C:%[0-9]+]] = gt %x.1, %tol
// CHECK-NEXT: cond [[C]], %x.1
// CHECK-NEXT: } do(%x.2) {
// CHECK: %x.3 = div.f64 %x.2,
// CHECK-NEXT: yield %x.3
// CHECK: ret %x.4
double halve_until(double x, double tol) {
  while (x > tol)
    x = x / 2;
  return x;
}

// The do region comes first.
// CHECK-LABEL: func @count_steps(
// CHECK: [[K:%k.[0-9]+]] = dowhile (%x, %k) {{.*}} do(%x.2, %k.2) {
// CHECK: add.i32 %k.2,
// CHECK: } cond(%x.1, %k.1) {
// CHECK: gt %x.1,
// CHECK: ret [[K]]
int count_steps(double x) {
  int k = 0;
  do {
    x = x * 0.5;
    k++;
  } while (x > 1.0);
  return k;
}

// && in a loop condition with a side effect on the right: an if in the
// cond region, and 'it' is updated only when the left side holds.
// CHECK-LABEL: func @newton_sqrt(
// CHECK: dowhile (%a, %dx, %it)
// CHECK: } cond(%x, %dx.1, %it.1) {
// CHECK: call.f64 @fabs(%dx.1)
// CHECK: [[GO:%[0-9]+]], [[IT:%it.[0-9]+]] = if {{%[0-9]+}} -> (i1, i32)
// CHECK: add.i32 %it.1,
// CHECK: } else {
// CHECK: yield {{%[0-9]+}}, %it.1
// CHECK: cond [[GO]], %x, %dx.1, [[IT]]
double newton_sqrt(double a) {
  double x = a, dx;
  int it = 0;
  do {
    dx = (x * x - a) / (2 * x);
    x -= dx;
  } while (fabs(dx) > 1e-12 && ++it < 50);
  return x;
}

// CHECK-LABEL: func @while_cond_call(
// CHECK: cond(%x.1) {
// CHECK-NEXT: call.f64 @fabs(%x.1)
double while_cond_call(double x) {
  while (fabs(x) > 1)
    x *= 0.9;
  return x;
}

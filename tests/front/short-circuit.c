// && and || keep C's lazy evaluation: an 'if' when the right operand may
// fault or has effects (loads, calls, division, ++), a plain and/or when it
// is cheap.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir
#include <math.h>

// x[i] must not be read when i >= n.
// CHECK-LABEL: func @guarded_load(
// CHECK: [[C:%[0-9]+]] = lt %i, %n
// CHECK-NEXT: [[R:%[0-9]+]] = if [[C]] -> (i1)
// CHECK-NEXT: load.f64 %x[%i]
// CHECK: } else {
// CHECK-NEXT: [[F:%[0-9]+]] = const.i1 0
// CHECK-NEXT: yield [[F]]
// CHECK: %ret = if [[R]] -> (f64)
double guarded_load(const double *x, int n, int i) {
  if (i < n && x[i] > 0)
    return x[i];
  return 0;
}

// CHECK-LABEL: func @cheap_and(
// CHECK-NOT: -> (i1)
// CHECK: [[A:%[0-9]+]] = gt %a,
// CHECK: [[B:%[0-9]+]] = gt %b,
// CHECK-NEXT: [[C:%[0-9]+]] = and.i1 [[A]], [[B]]
// CHECK-NEXT: %ret = if [[C]] -> (f64)
double cheap_and(double a, double b) {
  if (a > 0 && b > 0)
    return a * b;
  return a + b;
}

// Integer division may trap: it stays behind the test.
// CHECK-LABEL: func @guarded_div(
// CHECK: [[NZ:%[0-9]+]] = ne %b,
// CHECK-NEXT: [[R:%[0-9]+]] = if [[NZ]] -> (i1)
// CHECK-NEXT: div.i32 %a, %b
// CHECK: cast.i32 [[R]]
int guarded_div(int a, int b) {
  return b != 0 && a / b > 2;
}

// ||: true without evaluating the call.
// CHECK-LABEL: func @or_call(
// CHECK: [[R:%[0-9]+]] = if {{%[0-9]+}} -> (i1)
// CHECK-NEXT: [[T:%[0-9]+]] = const.i1 1
// CHECK-NEXT: yield [[T]]
// CHECK-NEXT: } else {
// CHECK-NEXT: call.f64 @sqrt(%x)
// CHECK: %r.1 = if [[R]] -> (f64)
double or_call(double x) {
  double r = 0;
  if (x < 0 || sqrt(x) > 2)
    r = x;
  return r;
}

// CHECK-LABEL: func @not_cond(
// CHECK: [[F:%[0-9]+]] = ne %flag,
// CHECK-NEXT: [[NF:%[0-9]+]] = not.i1 [[F]]
// CHECK: [[G:%[0-9]+]] = gt %x,
// CHECK-NEXT: [[NG:%[0-9]+]] = not.i1 [[G]]
// CHECK-NEXT: and.i1 [[NF]], [[NG]]
double not_cond(double x, int flag) {
  if (!flag && !(x > 1))
    x = 2 * x;
  return x;
}

// ++b runs only when a > 0 is false; b is a result of the if.
// CHECK-LABEL: func @side_effect_rhs(
// CHECK: [[R:%[0-9]+]], %b.2 = if {{%[0-9]+}} -> (i1, i32)
// CHECK: yield {{%[0-9]+}}, %b
// CHECK: } else {
// CHECK: %b.1 = add.i32 %b,
// CHECK: yield {{%[0-9]+}}, %b.1
// CHECK: %c = cast.i32 [[R]]
// CHECK: add.i32 %b.2, %c
int side_effect_rhs(int a, int b) {
  int c = a > 0 || ++b > 3;
  return b + c;
}

// CHECK-LABEL: func @ptr_cond(
// CHECK: [[NULL:%[0-9]+]] = const.ptr<f64> null
// CHECK-NEXT: [[NN:%[0-9]+]] = ne %p, [[NULL]]
// CHECK-NEXT: if [[NN]] -> (i1)
// CHECK-NEXT: load.f64 %p
double ptr_cond(const double *p) {
  if (p && *p > 0)
    return *p;
  return 0;
}

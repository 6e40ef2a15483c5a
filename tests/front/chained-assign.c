// a = b = c: the value of an assignment is the value stored, converted to
// the left operand's type.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @chain_scalars(
// CHECK: %c = mul.f64 %x,
// CHECK-NEXT: [[S:%[0-9]+]] = add.f64 %c, %c
// CHECK-NEXT: add.f64 [[S]], %c
double chain_scalars(double x) {
  double a, b, c;
  a = b = c = x * 2;
  return a + b + c;
}

// CHECK-LABEL: func @chain_memory(
// CHECK: store %v, %y[{{%[0-9]+}}]
// CHECK-NEXT: store %v, %y[%i.1]
void chain_memory(double *y, int n, double v) {
  for (int i = 0; i < n; i++)
    y[i] = y[n + i] = v;
}

// d = k = x: d gets (double)(int)x.
// CHECK-LABEL: func @chain_convert(
// CHECK: %k = cast.i32 %x
// CHECK-NEXT: %d = cast.f64 %k
double chain_convert(double x) {
  int k;
  double d;
  d = k = x;
  return d + k;
}

// CHECK-LABEL: func @chain_mixed(
// CHECK: store %x, %y[
// CHECK-NEXT: store %x, %y[
// CHECK-NEXT: ret %x
double chain_mixed(double *y, double x) {
  double s;
  s = y[0] = y[1] = x;
  return s;
}

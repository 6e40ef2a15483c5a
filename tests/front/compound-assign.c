// a op= b is a = a op b, computed in the usual arithmetic conversions of
// a and b and converted back to a's type.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @scalars(
// CHECK: %s = add.f64 %x, %y
// CHECK: [[T:%[0-9]+]] = mul.f64 {{%[0-9]+}}, %x
// CHECK-NEXT: %s.1 = sub.f64 %s, [[T]]
// CHECK-NEXT: %s.2 = mul.f64 %s.1, %y
// CHECK-NEXT: %s.3 = div.f64 %s.2, %x
// CHECK-NEXT: ret %s.3
double scalars(double x, double y) {
  double s = x;
  s += y;
  s -= 2 * x;
  s *= y;
  s /= x;
  return s;
}

// Memory: load, op, store at the same index.
// CHECK-LABEL: func @arrays(
// CHECK: [[B:%[0-9]+]] = load.f64 %b[%i.1]
// CHECK-NEXT: [[A:%[0-9]+]] = load.f64 %a[%i.1]
// CHECK-NEXT: [[S:%[0-9]+]] = add.f64 [[A]], [[B]]
// CHECK-NEXT: store [[S]], %a[%i.1]
// CHECK: sub.f64
// CHECK: store {{%[0-9]+}}, %a[%i.1]
// CHECK: div.f64
// CHECK: store {{%[0-9]+}}, %a[%i.1]
void arrays(double *a, const double *b, int n) {
  for (int i = 0; i < n; i++) {
    a[i] += b[i];
    a[i] *= 0.5;
    a[i] -= b[i] * b[i];
    a[i] /= 3;
  }
}

// int += double: computed in double, truncated back to int.
// CHECK-LABEL: func @int_from_double(
// CHECK: [[K:%[0-9]+]] = cast.f64 %k
// CHECK-NEXT: [[S:%[0-9]+]] = add.f64 [[K]], %x
// CHECK-NEXT: %k.1 = cast.i32 [[S]]
// CHECK: [[K1:%[0-9]+]] = cast.f64 %k.1
// CHECK-NEXT: [[P:%[0-9]+]] = mul.f64 [[K1]],
// CHECK-NEXT: %k.2 = cast.i32 [[P]]
int int_from_double(int k, double x) {
  k += x;
  k *= 2.5;
  return k;
}

// CHECK-LABEL: func @value_of_assign(
// CHECK: %s.1 = add.f64 %s, %x
// CHECK: %t = mul.f64 %s.1,
// CHECK-NEXT: add.f64 %s.1, %t
double value_of_assign(double x) {
  double s = 1, t;
  t = (s += x) * 2;
  return s + t;
}

// a[i++] += 1 reads and writes a[i] once, then a[i + 1] is updated.
// CHECK-LABEL: func @index_side_effect(
// CHECK: %i.1 = add.i32 %i,
// CHECK: load.f64 %a[%i]
// CHECK: store {{%[0-9]+}}, %a[%i]
// CHECK: load.f64 %a[%i.1]
// CHECK: store {{%[0-9]+}}, %a[%i.1]
void index_side_effect(double *a, int i) {
  a[i++] += 1;
  a[i] -= 2;
}

// float += double: the sum is computed in double and rounded to float.
// CHECK-LABEL: func @float_acc(
// CHECK: [[X:%[0-9]+]] = cast.f64 {{%[0-9]+}}
// CHECK: [[P:%[0-9]+]] = mul.f64 [[X]],
// CHECK-NEXT: [[S:%[0-9]+]] = cast.f64 %s.1
// CHECK-NEXT: [[T:%[0-9]+]] = add.f64 [[S]], [[P]]
// CHECK-NEXT: %s.2 = cast.f32 [[T]]
float float_acc(const float *x, int n) {
  float s = 0;
  for (int i = 0; i < n; i++)
    s += x[i] * 2.0;
  return s;
}

// Pointer += integer steps the pointer.
// CHECK-LABEL: func @pointer_step(
// CHECK: %p.1 = addr %p[%k]
double pointer_step(const double *p, int k) {
  p += k;
  return *p;
}

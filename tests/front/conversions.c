// Implicit conversions: the usual arithmetic conversions, assignment and
// return conversions, explicit casts, int/double mixing.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// An int counter compared with a double bound: the counter is converted.
// CHECK-LABEL: func @int_bound(
// CHECK: cond(%s.1, %i.1) {
// CHECK-NEXT: [[I:%[0-9]+]] = cast.f64 %i.1
// CHECK-NEXT: lt [[I]], %b
double int_bound(const double *x, double b) {
  double s = 0;
  for (int i = 0; i < b; i++)
    s += x[i];
  return s;
}

// n / 2 * x: integer division first; n * x / 2: all in double.
// CHECK-LABEL: func @mix(
// CHECK: [[Q:%[0-9]+]] = div.i32 %n,
// CHECK-NEXT: [[QD:%[0-9]+]] = cast.f64 [[Q]]
// CHECK-NEXT: mul.f64 [[QD]], %x
// CHECK: [[N:%[0-9]+]] = cast.f64 %n
// CHECK-NEXT: [[NX:%[0-9]+]] = mul.f64 [[N]], %x
// CHECK: div.f64 [[NX]],
double mix(int n, double x) {
  return n / 2 * x + n * x / 2;
}

// CHECK-LABEL: func @trunc_assign(
// CHECK: %k = cast.i32 %x
int trunc_assign(double x) {
  int k = x;
  return k;
}

// float arithmetic stays float; float + double is double.
// CHECK-LABEL: func @f32_f64(
// CHECK: %c = mul.f32 %a,
// CHECK-NEXT: [[C:%[0-9]+]] = cast.f64 %c
// CHECK-NEXT: add.f64 [[C]], %b
double f32_f64(float a, double b) {
  float c = a * 2;
  return c + b;
}

// CHECK-LABEL: func @widen(
// CHECK: [[A:%[0-9]+]] = cast.i64 %a
// CHECK-NEXT: mul.i64 [[A]], %b
long widen(int a, long b) {
  return a * b;
}

// int + unsigned is unsigned (the int is converted), then widened.
// CHECK-LABEL: func @mixed_sign(
// CHECK: [[A:%[0-9]+]] = cast.u32 %a
// CHECK-NEXT: [[S:%[0-9]+]] = add.u32 [[A]], %b
// CHECK-NEXT: cast.u64 [[S]]
unsigned long mixed_sign(int a, unsigned b) {
  return a + b;
}

// CHECK-LABEL: func @explicit_casts(
// CHECK: [[I:%[0-9]+]] = cast.i32 %x
// CHECK-NEXT: cast.f64 [[I]]
// CHECK-NEXT: [[F:%[0-9]+]] = cast.f32 %x
// CHECK-NEXT: cast.f64 [[F]]
double explicit_casts(double x) {
  return (double)(int)x + (float)x;
}

// char is promoted to int, then converted to double.
// CHECK-LABEL: func @char_arith(
// CHECK: [[I:%[0-9]+]] = cast.i32 %c
// CHECK-NEXT: cast.f64 [[I]]
double char_arith(char c) {
  return c + 1.5;
}

// _Bool: x != 0, not a truncation.
// CHECK-LABEL: func @to_bool(
// CHECK: ne %x,
// CHECK-NOT: cast.u8 %x
_Bool to_bool(double x) {
  _Bool b = x;
  return b;
}

// Return conversion.
// CHECK-LABEL: func @ret_conv(
// CHECK: [[R:%[0-9]+]] = cast.f32 %x
// CHECK-NEXT: ret [[R]]
float ret_conv(double x) { return x; }

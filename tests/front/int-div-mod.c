// Integer division and remainder are integer operations of the operands'
// common type (signed or unsigned); a double operand makes it a double
// division.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @idiv(
// CHECK: div.i32 %a, %b
int idiv(int a, int b) { return a / b; }
// CHECK-LABEL: func @imod(
// CHECK: rem.i32 %a, %b
int imod(int a, int b) { return a % b; }
// CHECK-LABEL: func @udiv(
// CHECK: [[Q:%[0-9]+]] = div.u32 %a, %b
// CHECK: rem.u32 [[Q]],
unsigned udiv(unsigned a, unsigned b) { return a / b % 7u; }

// CHECK-LABEL: func @avg(
// CHECK: [[N:%[0-9]+]] = cast.f64 %n
// CHECK-NEXT: div.f64 %s.3, [[N]]
double avg(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; i++)
    s += x[i];
  return s / n;
}

// CHECK-LABEL: func @half_int(
// CHECK: [[Q:%[0-9]+]] = div.i32 %n,
// CHECK-NEXT: cast.f64 [[Q]]
double half_int(int n) { return n / 2; }
// CHECK-LABEL: func @half_real(
// CHECK: [[N:%[0-9]+]] = cast.f64 %n
// CHECK: div.f64 [[N]],
double half_real(int n) { return n / 2.0; }

// CHECK-LABEL: func @even_odd(
// CHECK: [[R:%[0-9]+]] = rem.i32 %i.1,
// CHECK: eq [[R]],
double even_odd(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; i++)
    s += i % 2 == 0 ? x[i] : -x[i];
  return s;
}

// The loop-invariant bound n * m is computed once, before the loop.
// CHECK-LABEL: func @row_col(
// CHECK: [[B:%[0-9]+]] = mul.i32 %n, %m
// CHECK: for.lt %k.1 = %k to [[B]]
// CHECK: [[Q:%[0-9]+]] = div.i32 %k.1, %m
// CHECK-NEXT: cast.f64 [[Q]]
// CHECK: [[R:%[0-9]+]] = rem.i32 %k.1, %m
// CHECK-NEXT: cast.f64 [[R]]
void row_col(double *a, int n, int m) {
  for (int k = 0; k < n * m; k++)
    a[k] = k / m + 0.1 * (k % m);
}

// CHECK-LABEL: func @ldiv_mixed(
// CHECK: [[B:%[0-9]+]] = cast.i64 %b
// CHECK-NEXT: div.i64 %a, [[B]]
long ldiv_mixed(long a, int b) { return a / b; }

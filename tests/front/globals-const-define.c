// File scope: #define constants become constants, const globals are
// globals with their initialisers, enum constants are integers.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

#define N 4
#define SCALE 0.5
#define SQ(x) ((x) * (x))
static const double weights[N] = {0.1, 0.2, 0.3, 0.4};
const double pi_ish = 3.14159;
const int table[2][2] = {{1, 2}, {3, 4}};
typedef struct { double a, b; } Coef;
static const Coef coef = {1.5, -2};
double zeroed;

// CHECK: global @weights: [4 x f64] static const = { 0.1, 0.2, 0.3, 0.4 }
// CHECK: global @pi_ish: f64 const = { 3.14159 }
// CHECK: global @table: [2 x [2 x i32]] const = { 1, 2, 3, 4 }
// CHECK: global @coef: $Coef static const = { 1.5, -2 }
// CHECK: global @zeroed: f64{{ }}
// CHECK-NOT: = {

// CHECK-LABEL: func @weighted(
// CHECK: [[N:%[0-9]+]] = const.i32 4
// CHECK: for.lt %i.1 = %i to [[N]]
// CHECK: %weights = global @weights
// CHECK-NEXT: load.f64 %weights[%i.1]
// CHECK: const.f64 0.5
// CHECK: %pi_ish = global @pi_ish
double weighted(const double *x) {
  double s = 0;
  for (int i = 0; i < N; i++)
    s += weights[i] * SQ(x[i]);
  return SCALE * s * pi_ish;
}

// CHECK-LABEL: func @use_table(
// CHECK: %table = global @table
// CHECK-NEXT: load.i32 %table[{{%[0-9]+}}][{{%[0-9]+}}]
// CHECK: %coef = global @coef
// CHECK-NEXT: %b = field %coef, .b
// CHECK: %zeroed = global @zeroed
// CHECK-NEXT: load.f64 %zeroed
double use_table(double x) {
  return table[1][0] * x + coef.b + N + zeroed;
}

enum { K = 3 };
// CHECK-LABEL: func @use_enum(
// CHECK: [[K:%[0-9]+]] = const.i32 3
// CHECK-NEXT: mul.i32 %i, [[K]]
int use_enum(int i) { return i * K; }

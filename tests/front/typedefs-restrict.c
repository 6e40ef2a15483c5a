// typedefs resolve to their types; restrict and const on the pointer
// itself are dropped, const on the pointee is kept.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

typedef double real;
typedef real vec3[3];
typedef const real *cvec;
typedef int index_t;

// CHECK-LABEL: func @saxpy(%n: i32, %a: f64, %x: ptr<f64> const, %y: ptr<f64>) -> void
// CHECK: for.lt %i.1 = %i to %n
void saxpy(index_t n, real a, const real *restrict x, real *restrict y) {
  for (index_t i = 0; i < n; i++)
    y[i] = a * x[i] + y[i];
}

// CHECK-LABEL: func @dot3(%a: ptr<f64> const, %b: ptr<f64> const) -> f64
// CHECK: %t = alloca [3 x f64]
real dot3(cvec a, cvec b) {
  vec3 t;
  for (int k = 0; k < 3; k++)
    t[k] = a[k] * b[k];
  return t[0] + t[1] + t[2];
}

// CHECK-LABEL: func @const_ptr(%p: ptr<f64>) -> ptr<f64>
real *const_ptr(real *const p) {
  p[0] = 1;
  return p;
}

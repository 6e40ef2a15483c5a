// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
// CHECK: function-pointer-param.c:[[@LINE+1]]:23: error: function pointers are not supported; call the function directly (adcc differentiates direct calls)
double apply(double (*g)(double), double x) {
  return g(x);
}

// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
#include <math.h>
double f(double x) {
  // CHECK: function-pointer-local.c:[[@LINE+1]]:12: error: function pointers are not supported; call the function directly
  double (*g)(double) = sin;
  return g(x);
}

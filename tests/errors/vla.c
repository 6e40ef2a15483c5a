// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
double f(const double *x, int n) {
  // CHECK: vla.c:[[@LINE+1]]:10: error: variable-length arrays are not supported; allocate the array with malloc or give it a constant size
  double t[n];
  t[0] = x[0];
  return t[0];
}

// Writing through a pointer to a global array, and into a global struct.
// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
double hist[8];
void f(double x, int k) {
  double *p = hist;
  // CHECK: global-write-array.c:[[@LINE+1]]:3: error: writing the global variable 'hist' is not supported
  p[k] = x;
}

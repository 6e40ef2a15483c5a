// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
double f(double x) {
  // CHECK: long-double.c:[[@LINE+1]]:15: error: long double is not supported; use double
  long double y = x;
  return y;
}

// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
double f(double x) {
  // CHECK: static-local.c:[[@LINE+1]]:17: error: static local variables are not supported (their value persists between calls); use a file-scope const or a parameter
  static double last;
  last = x;
  return last;
}

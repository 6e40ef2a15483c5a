// A label alone (no goto) is refused too.
// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
double f(double x) {
  // CHECK: label.c:[[@LINE+1]]:1: error: goto and labels are not supported
again:
  return x;
}

// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
double f(double x, int k) {
  // CHECK: switch.c:[[@LINE+1]]:3: error: switch statements are not supported yet; rewrite the switch as if/else
  switch (k) {
  case 0:
    return x;
  default:
    return -x;
  }
}

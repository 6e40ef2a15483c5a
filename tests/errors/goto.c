// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
double f(double x) {
  if (x > 0)
    // CHECK: goto.c:[[@LINE+1]]:5: error: goto and labels are not supported; use structured control flow (loops with break/continue, if/else, return)
    goto out;
  x = -x;
out:
  return x;
}

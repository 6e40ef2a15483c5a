// A union declared inside the function.
// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
double f(double x) {
  // CHECK: union-local.c:[[@LINE+1]]:31: error: unions are not supported
  union { double d; long i; } b;
  b.d = x;
  return b.d;
}

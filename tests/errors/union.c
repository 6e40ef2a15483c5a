// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
// CHECK: union.c:[[@LINE+1]]:7: error: unions are not supported (a union can reinterpret a value's bits, which has no derivative); use a struct
union bits {
  double d;
  long i;
};
double f(double x) {
  union bits b;
  b.d = x;
  return b.d;
}

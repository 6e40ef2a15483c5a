// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
struct flags {
  // CHECK: bit-field.c:[[@LINE+1]]:7: error: bit-fields are not supported; use a whole integer member
  int a : 3;
  double v;
};
double f(struct flags *p) { return p->v; }

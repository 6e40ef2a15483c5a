// A function pointer hidden in a struct member.
// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
typedef struct {
  // CHECK: function-pointer-struct.c:[[@LINE+1]]:12: error: function pointers are not supported
  double (*f)(double);
  double x;
} Op;
double run(Op *op) { return op->x; }

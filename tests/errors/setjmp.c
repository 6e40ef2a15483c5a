// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
#include <setjmp.h>
double f(double x, jmp_buf env) {
  // CHECK: setjmp.c:[[@LINE+1]]:7: error: '{{_?}}setjmp' is not supported (non-local control flow or stack allocation); restructure the code or use malloc
  if (setjmp(env))
    return 0;
  return x;
}

// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
#include <setjmp.h>
void bail(jmp_buf env, double x) {
  if (x < 0)
    // CHECK: longjmp.c:[[@LINE+1]]:5: error: 'longjmp' is not supported (non-local control flow or stack allocation)
    longjmp(env, 1);
}

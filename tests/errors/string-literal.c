// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
#include <stdio.h>
double f(double x) {
  // CHECK: string-literal.c:[[@LINE+1]]:10: error: string literals are not supported; move input/output out of the differentiated code
  printf("%g\n", x);
  return x;
}

// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
#include <stdarg.h>
// CHECK: variadic.c:[[@LINE+1]]:8: error: variadic function 'sum' is not supported; pass an array and a count instead
double sum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  double s = 0;
  for (int i = 0; i < n; i++)
    s += va_arg(ap, double);
  va_end(ap);
  return s;
}

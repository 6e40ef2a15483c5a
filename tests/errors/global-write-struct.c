// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
struct stats { double sum; int n; } stats;
void f(double x) {
  // CHECK: global-write-struct.c:[[@LINE+1]]:3: error: writing the global variable 'stats' is not supported
  stats.sum = x;
}

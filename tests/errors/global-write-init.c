// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
double last = 1;
void f(double x) {
  // CHECK: global-write-init.c:[[@LINE+1]]:3: error: writing the global variable 'last' is not supported
  last = x;
}

// A non-const global written by a function (tentative definition).
// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
double counter;
double f(double x) {
  // CHECK: global-write.c:[[@LINE+1]]:3: error: writing the global variable 'counter' is not supported (a function must not keep state between calls); pass it as a parameter
  counter += x;
  return x;
}

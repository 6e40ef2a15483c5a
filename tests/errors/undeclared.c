// Undeclared identifiers and implicit declarations are errors (clang's
// KeepGoing would silently drop the statement).
// RUN: bash %S/../spec/exits.sh 1 %adcc --emit=ir %s 2>&1 | FileCheck %s
double f(double x) {
  // CHECK: undeclared.c:[[@LINE+1]]:10: error: use of undeclared identifier 'y'
  return y * x;
}
double g(double x) {
  // CHECK: undeclared.c:[[@LINE+1]]:10: error: call to undeclared {{(library )?}}function 'fabs'
  return fabs(x);
}

// RUN: bash %S/../spec/exits.sh 1 %adcc --emit=ir %s 2>&1 | FileCheck %s
// CHECK: missing-include.c:[[@LINE+1]]:10: fatal error: 'no_such_header.h' file not found
#include "no_such_header.h"
double f(double x) { return x; }

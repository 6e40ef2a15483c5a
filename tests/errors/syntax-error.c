// A C syntax error is clang's message, in file:line:col: error: form.
// RUN: printf 'double f(double x) {\n  return x +;\n}\n' > %t.c
// RUN: bash %S/../spec/exits.sh 1 %adcc --emit=ir %t.c 2>&1 | FileCheck %s
// CHECK: t.c:2:13: error: expected expression
// CHECK-NOT: error

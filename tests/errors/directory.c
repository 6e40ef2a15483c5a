// A directory given as the input file.
// RUN: mkdir -p %t.d
// RUN: bash %S/../spec/exits.sh 1 %adcc --emit=ir %t.d 2>&1 | FileCheck %s
// CHECK: t.d: error:

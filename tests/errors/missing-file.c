// A missing input file: status 1 and a message naming the file.
// RUN: bash %S/../spec/exits.sh 1 %adcc --emit=ir %t.nothere.c 2>&1 | FileCheck %s
// CHECK: nothere.c: error: cannot open the input file

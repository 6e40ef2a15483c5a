// Binary garbage: clang's errors in file:line:col form, status 1, no crash.
// RUN: printf '\x00\x01\xff\xfe garbage \x7f\n' > %t.c
// RUN: bash %S/../spec/exits.sh 1 %adcc --emit=ir %t.c 2>&1 | FileCheck %s
// RUN: head -c 4096 /dev/urandom > %t.rnd.c
// RUN: bash %S/../spec/exits.sh 1 %adcc --emit=ir %t.rnd.c
// CHECK: t.c:1:{{[0-9]+}}: error:

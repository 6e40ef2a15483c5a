// An empty file, and a file with declarations only.
// RUN: : > %t.c
// RUN: bash %S/../spec/exits.sh 1 %adcc --emit=ir %t.c 2>&1 | FileCheck %s
// RUN: printf 'double g(double);\nconst double k = 2;\n' > %t.decls.c
// RUN: bash %S/../spec/exits.sh 1 %adcc --emit=ir %t.decls.c 2>&1 | FileCheck %s
// CHECK: .c: error: no function definitions found

// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
double f(double x) {
  // CHECK: inline-asm.c:[[@LINE+1]]:3: error: inline assembly is not supported; move it into a function outside the differentiated code
  __asm__("nop");
  return x;
}

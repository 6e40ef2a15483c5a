// A non-const global passed to a function through a pointer to non-const
// (which may write it) is refused; through a pointer to const it is read.
// RUN: not %adcc --emit=ir %s 2>&1 | FileCheck %s
// RUN: printf '#include <string.h>\ndouble g[4];\nvoid f(void) { memset(g, 0, sizeof g); }\n' > %t.c
// RUN: not %adcc --emit=ir %t.c 2>&1 | FileCheck --check-prefix=MEMSET %s
static double work[16];
static void fill(double *p, int n, double v) {
  for (int i = 0; i < n; i++)
    p[i] = v;
}
static double sum(const double *p, int n) {
  double s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}
double f(double x) {
  double s = sum(work, 16);
  // CHECK: global-passed-to-writer.c:[[@LINE+1]]:8: error: passing the global variable 'work' to 'fill', which may write it, is not supported (a function must not keep state between calls); pass it as a parameter, or make the parameter a pointer to const if 'fill' only reads it
  fill(work + 2, 4, x);
  return s;
}
// MEMSET: t.c:3:23: error: passing the global variable 'g' to 'memset', which may write it

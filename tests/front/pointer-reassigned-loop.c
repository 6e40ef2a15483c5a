// Pointer variables reassigned in a loop are carried values like any
// other variable.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @walk_rows(
// CHECK: %s.3, %row.2 = for.lt %i.1 = %i to %n step {{%[0-9]+}} iter(%s.1 = %s, %row = %a)
// CHECK: load.f64 %row[
// CHECK: %row.1 = addr %row[%m]
// CHECK: yield %s.2, %row.1
double walk_rows(const double *a, int n, int m) {
  double s = 0;
  const double *row = a;
  for (int i = 0; i < n; i++) {
    s += row[0] * row[m - 1];
    row += m;
  }
  return s;
}

// Double buffering: the two pointers swap every step.
// CHECK-LABEL: func @swap_buffers(
// CHECK: for.lt %t.1 = %t to %steps step {{%[0-9]+}} iter(%cur = %u, %nxt = %v)
// CHECK: [[B:%[0-9]+]] = sub.i32 %n,
// CHECK: for.lt %i.1 = %i to [[B]]
// CHECK: load.f64 %cur[%i.1]
// CHECK: store {{%[0-9]+}}, %nxt[%i.1]
// CHECK: yield %nxt, %cur
void swap_buffers(double *u, double *v, int n, int steps) {
  double *cur = u, *nxt = v;
  for (int t = 0; t < steps; t++) {
    for (int i = 1; i < n - 1; i++)
      nxt[i] = 0.5 * cur[i] + 0.25 * (cur[i - 1] + cur[i + 1]);
    double *tmp = cur;
    cur = nxt;
    nxt = tmp;
  }
}

// CHECK-LABEL: func @cond_pointer(
// CHECK: iter(%p = %a, %s.1 = %s)
// CHECK: %p.1 = if {{%[0-9]+}} -> (ptr<f64>)
// CHECK-NEXT: yield %b
// CHECK: } else {
// CHECK-NEXT: yield %p
// CHECK: load.f64 %p.1[%i.1]
double cond_pointer(double *a, double *b, int n) {
  double *p = a;
  double s = 0;
  for (int i = 0; i < n; i++) {
    if (i == n / 2)
      p = b;
    s += p[i];
  }
  return s;
}

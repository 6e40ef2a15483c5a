// Pointer arithmetic is 'addr' (p + k elements); sub-array addresses
// &x[i*d] and p[k] on a pointer value.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @row_sum(
// CHECK: [[K:%[0-9]+]] = mul.i32 %i, %m
// CHECK-NEXT: %row = addr %a[[[K]]]
// CHECK: load.f64 %row[%j.1]
double row_sum(const double *a, int i, int m) {
  const double *row = a + i * m;
  double s = 0;
  for (int j = 0; j < m; j++)
    s += row[j];
  return s;
}

// CHECK-LABEL: func @sub_array(
// CHECK: [[K:%[0-9]+]] = mul.i32 {{%[0-9]+}}, %d
// CHECK-NEXT: %blk = addr %x[[[K]]]
// CHECK: store {{%[0-9]+}}, %blk[
// CHECK: [[P:%[0-9]+]] = addr %blk[
// CHECK-NEXT: load.f64 [[P]]
// CHECK-NEXT: [[Q:%[0-9]+]] = addr %x[%d]
// CHECK-NEXT: load.f64 [[Q]]
double sub_array(double *x, int d) {
  double *blk = &x[2 * d];
  blk[0] = 1;
  return *(blk + 1) + *(x + d);
}

// p - k and k + p.
// CHECK-LABEL: func @neg_offset(
// CHECK: [[N:%[0-9]+]] = neg.i32 %k
// CHECK-NEXT: %p = addr %end[[[N]]]
// CHECK: [[Q:%[0-9]+]] = addr %p[{{%[0-9]+}}]
// CHECK-NEXT: load.f64 [[Q]]
double neg_offset(const double *end, int k) {
  const double *p = end - k;
  return p[0] + (end - 1)[0] + *(2 + p);
}

// CHECK-LABEL: func @fill_stride(
// CHECK: [[K:%[0-9]+]] = mul.i32 %i.1, %stride
// CHECK-NEXT: [[P:%[0-9]+]] = addr %y[[[K]]]
// CHECK-NEXT: store %v, [[P]]
void fill_stride(double *y, int n, int stride, double v) {
  for (int i = 0; i < n; i++)
    *(y + i * stride) = v;
}

// CHECK-LABEL: func @long_offset(
// CHECK: load.f64 %x[%off]
// CHECK: load.f64 %x[%u]
double long_offset(const double *x, long off, unsigned u) {
  return x[off] + x[u] + *(x + u);
}

// Index on the left: k[p] is p[k].
// CHECK-LABEL: func @swapped_subscript(
// CHECK: load.f64 %p[%k]
double swapped_subscript(const double *p, int k) { return k[p]; }

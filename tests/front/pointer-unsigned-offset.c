// p - u with an unsigned offset u moves the pointer back by u elements: the
// offset is widened to a signed 64-bit value before it is negated (negating
// a u32 would give 2^32 - u, a forward offset).
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @back_u32(
// CHECK: [[W:%[0-9]+]] = cast.i64 %k
// CHECK-NEXT: [[N:%[0-9]+]] = neg.i64 [[W]]
// CHECK-NEXT: [[P:%[0-9]+]] = addr %end[[[N]]]
// CHECK-NEXT: load.f64 [[P]]
// CHECK-NOT: neg.u32
double back_u32(const double *x, unsigned k) {
  const double *end = x + 10;
  return *(end - k);
}

// CHECK-LABEL: func @back_size_t(
// CHECK: [[W:%[0-9]+]] = cast.i64 %k
// CHECK-NEXT: [[N:%[0-9]+]] = neg.i64 [[W]]
// CHECK-NEXT: %p.1 = addr %p[[[N]]]
double back_size_t(const double *p, unsigned long k) {
  p -= k;
  return p[0];
}

// A signed offset is negated as it is.
// CHECK-LABEL: func @back_int(
// CHECK: [[N:%[0-9]+]] = neg.i32 %k
// CHECK-NEXT: %p = addr %x[[[N]]]
double back_int(const double *x, int k) {
  const double *p = x - k;
  return p[0];
}

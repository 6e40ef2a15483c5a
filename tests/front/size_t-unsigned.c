// size_t and unsigned arithmetic: unsigned types, unsigned comparisons,
// counting loops over size_t.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir
#include <stddef.h>

// CHECK-LABEL: func @sum_sz(%x: ptr<f64> const, %n: u64) -> f64
// CHECK: %i = const.u64 0
// CHECK: for.lt %i.1 = %i to %n
double sum_sz(const double *x, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++)
    s += x[i];
  return s;
}

// i-- > 0 in the condition: the test reads the old i, the body the new.
// CHECK-LABEL: func @down_unsigned(
// CHECK: cond(%s.1, %i) {
// CHECK: %i.1 = sub.u32 %i,
// CHECK: gt %i,
// CHECK: cond {{%[0-9]+}}, %s.1, %i.1
// CHECK: load.f64 %x[%i.2]
double down_unsigned(const double *x, unsigned n) {
  double s = 0;
  for (unsigned i = n; i-- > 0;)
    s += x[i];
  return s;
}

// CHECK-LABEL: func @wrap_sub(
// CHECK: sub.u32 %a, %b
unsigned wrap_sub(unsigned a, unsigned b) { return a - b; }

// CHECK-LABEL: func @unsigned_to_double(
// CHECK: cast.f64 %u
// CHECK: cast.f64 %v
double unsigned_to_double(unsigned long u, unsigned v) {
  return (double)u + v;
}

// int < unsigned compares as unsigned.
// CHECK-LABEL: func @signed_unsigned_cmp(
// CHECK: [[A:%[0-9]+]] = cast.u32 %a
// CHECK-NEXT: lt [[A]], %b
int signed_unsigned_cmp(int a, unsigned b) { return a < b; }

// CHECK-LABEL: func @mix_index(
// CHECK: [[K:%[0-9]+]] = cast.u64 %k
// CHECK-NEXT: add.u64 %n, [[K]]
size_t mix_index(size_t n, int k) {
  return n + k;
}

// CHECK-LABEL: func @unsigned_div(
// CHECK: div.u64 %n,
size_t unsigned_div(size_t n) { return n / 2; }

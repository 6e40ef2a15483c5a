// sizeof keeps the measured type (so the emitted C says sizeof(T)); the
// value always agrees with clang's, else it is a u64 constant.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir
#include <stdlib.h>
typedef struct { double x, y, z; } Vec3;
typedef struct { double v; } One;
typedef double *dptr;

// CHECK-LABEL: func @alloc_doubles(%n: i32) -> ptr<f64>
// CHECK: [[N:%[0-9]+]] = cast.u64 %n
// CHECK-NEXT: [[S:%[0-9]+]] = sizeof f64
// CHECK-NEXT: [[B:%[0-9]+]] = mul.u64 [[N]], [[S]]
// CHECK-NEXT: [[P:%[0-9]+]] = call.ptr<void> @malloc([[B]])
// CHECK-NEXT: cast.ptr<f64> [[P]]
double *alloc_doubles(int n) {
  return malloc(n * sizeof(double));
}

// CHECK-LABEL: func @of_objects() -> u64
// CHECK: sizeof [10 x f64]
// CHECK: sizeof $Vec3
// CHECK: sizeof $Vec3
// CHECK: sizeof i32
// CHECK: sizeof f64
// CHECK: sizeof u8
// CHECK: sizeof u64
size_t of_objects(void) {
  double a[10];
  Vec3 v;
  return sizeof a + sizeof(v) + sizeof(Vec3) + sizeof(int) + sizeof a[0] +
    sizeof(unsigned char) + sizeof(unsigned long);
}

// Pointer types: the stars count (a one-double struct is pointer-sized, so
// only the type tells them apart).
// CHECK-LABEL: func @of_pointers(%p: ptr<f64>) -> u64
// CHECK: sizeof ptr<f64>
// CHECK: sizeof ptr<$One>
// CHECK: sizeof ptr<f64>
// CHECK: sizeof ptr<ptr<f64>>
// CHECK: sizeof f64
// CHECK-NOT: sizeof $One
size_t of_pointers(double *p) {
  return sizeof(double *) + sizeof(One *) + sizeof(dptr) + sizeof(double **) +
    sizeof *p;
}

// CHECK-LABEL: func @count_elems() -> i32
// CHECK: [[A:%[0-9]+]] = sizeof [12 x f64]
// CHECK-NEXT: [[E:%[0-9]+]] = sizeof f64
// CHECK-NEXT: [[Q:%[0-9]+]] = div.u64 [[A]], [[E]]
// CHECK-NEXT: cast.i32 [[Q]]
int count_elems(void) {
  double a[12];
  return sizeof a / sizeof a[0];
}

// CHECK-LABEL: func @alloc_vecs(%n: u64) -> ptr<$Vec3>
// CHECK: [[S:%[0-9]+]] = sizeof $Vec3
// CHECK-NEXT: call.ptr<void> @calloc(%n, [[S]])
Vec3 *alloc_vecs(size_t n) {
  return calloc(n, sizeof(Vec3));
}

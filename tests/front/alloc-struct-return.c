// A helper that returns a pointer to a freshly allocated struct.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir
#include <stdlib.h>

typedef struct {
  int n;
  double *data;
  double scale;
} Buf;

// CHECK-LABEL: static func @buf_new(%n: i32) -> ptr<$Buf>
// CHECK: [[S:%[0-9]+]] = sizeof $Buf
// CHECK-NEXT: [[M:%[0-9]+]] = call.ptr<void> @malloc([[S]])
// CHECK-NEXT: %b = cast.ptr<$Buf> [[M]]
// CHECK: %data = field %b, .data
// CHECK: call.ptr<void> @calloc(
// CHECK: store {{%[0-9]+}}, %data
// CHECK: ret %b
static Buf *buf_new(int n) {
  Buf *b = malloc(sizeof *b);
  b->n = n;
  b->data = calloc(n, sizeof(double));
  b->scale = 1;
  return b;
}

// CHECK-LABEL: static func @buf_free(
// CHECK: call @free(
// CHECK: call @free(
static void buf_free(Buf *b) {
  free(b->data);
  free(b);
}

// The loop bound b->n is reloaded every iteration (the body stores
// through b->data), so the loop stays a while loop.
// CHECK-LABEL: func @sum_scaled(
// CHECK: %b = call.ptr<$Buf> @buf_new(%n)
// CHECK: while (%i)
// CHECK: %n.1 = field %b, .n
// CHECK-NEXT: load.i32 %n.1
// CHECK: %data = field %b, .data
// CHECK-NEXT: [[D:%[0-9]+]] = load.ptr<f64> %data
// CHECK: store {{%[0-9]+}}, [[D]][%i.2]
// CHECK: call @buf_free(%b)
double sum_scaled(const double *x, int n) {
  Buf *b = buf_new(n);
  for (int i = 0; i < b->n; i++)
    b->data[i] = b->scale * x[i];
  double s = 0;
  for (int i = 0; i < n; i++)
    s += b->data[i];
  buf_free(b);
  return s;
}

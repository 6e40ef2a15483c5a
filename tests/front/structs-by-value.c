// Structs passed, returned and copied by value: whole-struct load.$S,
// store and undef.$S; a by-value parameter is copied into an alloca.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

typedef struct {
  double x, y;
} Vec2;

// CHECK-LABEL: func @vlen2(%v: $Vec2) -> f64
// CHECK: %v.1 = alloca $Vec2
// CHECK-NEXT: store %v, %v.1
// CHECK: field %v.1, .x
double vlen2(Vec2 v) { return v.x * v.x + v.y * v.y; }

// CHECK-LABEL: func @vadd(%a: $Vec2, %b: $Vec2) -> $Vec2
// CHECK: %c = alloca $Vec2
// CHECK: [[C:%[0-9]+]] = load.$Vec2 %c
// CHECK-NEXT: ret [[C]]
Vec2 vadd(Vec2 a, Vec2 b) {
  Vec2 c;
  c.x = a.x + b.x;
  c.y = a.y + b.y;
  return c;
}

// CHECK-LABEL: func @copy(
// CHECK: [[V:%[0-9]+]] = load.$Vec2 %v
// CHECK-NEXT: store [[V]], %w
double copy(double a) {
  Vec2 v = {a, 2 * a};
  Vec2 w;
  w = v;
  return w.y;
}

// CHECK-LABEL: func @call_by_value(
// CHECK: [[V:%[0-9]+]] = load.$Vec2 %p
// CHECK-NEXT: call.f64 @vlen2([[V]])
double call_by_value(const Vec2 *p) { return vlen2(*p); }

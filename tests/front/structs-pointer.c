// Structs through pointers and as local objects: 'field' gives a member's
// address, members are loaded and stored as scalars.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

typedef struct {
  double x, y;
} Vec2;
struct particle {
  Vec2 pos;
  double mass;
  double hist[3];
  double *extra;
  int id;
};

// CHECK: typedef struct { x: f64, y: f64 } Vec2
// CHECK: struct particle { pos: $Vec2, mass: f64, hist: [3 x f64], extra: ptr<f64>, id: i32 }

// CHECK-LABEL: func @scale(%v: ptr<$Vec2>, %s: f64) -> void
// CHECK: %x = field %v, .x
// CHECK-NEXT: [[X:%[0-9]+]] = load.f64 %x
// CHECK-NEXT: [[P:%[0-9]+]] = mul.f64 [[X]], %s
// CHECK-NEXT: store [[P]], %x
// CHECK: %y = field %v, .y
// CHECK: store {{%[0-9]+}}, %y
void scale(Vec2 *v, double s) {
  v->x *= s;
  (*v).y = (*v).y * s;
}

// CHECK-LABEL: func @energy(%p: ptr<$particle> const) -> f64
// CHECK: %mass = field %p, .mass
// CHECK: %pos = field %p, .pos
// CHECK: %x = field %pos, .x
// CHECK: %hist = field %p, .hist
// CHECK-NEXT: load.f64 %hist[
// CHECK: %id = field %p, .id
// CHECK-NEXT: [[ID:%[0-9]+]] = load.i32 %id
// CHECK-NEXT: %extra = field %p, .extra
// CHECK-NEXT: [[E:%[0-9]+]] = load.ptr<f64> %extra
// CHECK-NEXT: load.f64 [[E]][[[ID]]]
double energy(const struct particle *p) {
  return 0.5 * p->mass * (p->pos.x * p->pos.x) + p->hist[2] + p->extra[p->id];
}

// A local struct with an initialiser list; missing members are zero.
// CHECK-LABEL: func @local_struct(
// CHECK: %v = alloca $Vec2
// CHECK-NEXT: %x = field %v, .x
// CHECK-NEXT: store %a, %x
// CHECK: %w = alloca $Vec2
// CHECK: [[Z:%[0-9]+]] = const.f64 0
// CHECK-NEXT: store [[Z]], %y.1
double local_struct(double a) {
  Vec2 v = {a, 2 * a};
  Vec2 w = {a};
  return v.y + w.x + w.y;
}

// A struct parameter's members through a pointer to pointer.
// CHECK-LABEL: func @ptr_to_ptr(
// CHECK: [[P:%[0-9]+]] = load.ptr<$Vec2> %pp
// CHECK-NEXT: field [[P]], .y
double ptr_to_ptr(Vec2 **pp) { return (*pp)->y; }

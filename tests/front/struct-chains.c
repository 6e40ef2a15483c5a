// Chained member access a.b.c, p->q[i].r, p->s->t: a field per step,
// a load only where a pointer member is followed.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

typedef struct { double v[3]; } Vec3;
typedef struct { Vec3 r; Vec3 *dr; double w; } Node;
typedef struct { Node a, b; Node *nodes; int n; } Graph;

// CHECK-LABEL: func @chain(
// CHECK: %a = field %g, .a
// CHECK-NEXT: %r = field %a, .r
// CHECK-NEXT: %v = field %r, .v
// CHECK-NEXT: load.f64 %v[
// CHECK: %b = field %g, .b
// CHECK-NEXT: %w = field %b, .w
// CHECK-NEXT: load.f64 %w
double chain(const Graph *g) { return g->a.r.v[1] + g->b.w; }

// CHECK-LABEL: func @chain_ptr(
// CHECK: %nodes = field %g, .nodes
// CHECK-NEXT: [[N:%[0-9]+]] = load.ptr<$Node> %nodes
// CHECK-NEXT: [[E:%[0-9]+]] = addr [[N]][%i]
// CHECK-NEXT: %r = field [[E]], .r
// CHECK-NEXT: %v = field %r, .v
// CHECK: %dr = field {{%[0-9]+}}, .dr
// CHECK-NEXT: [[D:%[0-9]+]] = load.ptr<$Vec3> %dr
// CHECK-NEXT: field [[D]], .v
double chain_ptr(const Graph *g, int i) {
  return g->nodes[i].r.v[2] * g->nodes[i].dr->v[0] + g->a.dr[1].v[2];
}

// CHECK-LABEL: func @write_chain(
// CHECK: store %x, %v[
// CHECK: %v.1 = field %r.1, .v
// CHECK-NEXT: [[O:%[0-9]+]] = load.f64 %v.1[%i]
// CHECK-NEXT: [[S:%[0-9]+]] = add.f64 [[O]], %x
// CHECK-NEXT: store [[S]], %v.1[%i]
// CHECK: sub.f64
void write_chain(Graph *g, int i, double x) {
  g->nodes[i].r.v[0] = x;
  g->b.r.v[i] += x;
  g->nodes[i].dr[0].v[1] -= x;
}

// Pointers to members are plain field addresses.
// CHECK-LABEL: func @via_local_ptr(
// CHECK: %a = field %g, .a
// CHECK-NEXT: %r = field %a, .r
// CHECK: %w = field %a, .w
// CHECK: store {{%[0-9]+}}, %v[
double via_local_ptr(Graph *g) {
  Node *nd = &g->a;
  Vec3 *p = &nd->r;
  p->v[2] = nd->w;
  return g->a.r.v[2];
}

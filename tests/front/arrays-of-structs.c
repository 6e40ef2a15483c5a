// Arrays of structs: addr selects the element, field the member.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

typedef struct { double x, y; double w[2]; } Pt;

// CHECK-LABEL: func @local_array_of_structs(
// CHECK: %pts = alloca [3 x $Pt]
// CHECK: [[E:%[0-9]+]] = addr %pts[%i.1]
// CHECK-NEXT: %x = field [[E]], .x
// CHECK: [[C:%[0-9]+]] = const.i32 1
// CHECK-NEXT: [[F:%[0-9]+]] = addr %pts[%i.1]
// CHECK-NEXT: %w = field [[F]], .w
// CHECK: store {{%[0-9]+}}, %w[
double local_array_of_structs(double s) {
  Pt pts[3];
  for (int i = 0; i < 3; i++) {
    pts[i].x = s * i;
    pts[i].y = -s;
    pts[i].w[1] = 1;
  }
  return pts[2].x + pts[1].y + pts[0].w[1];
}

// CHECK-LABEL: func @param_array(
// CHECK: [[E:%[0-9]+]] = addr %p[%i.1]
// CHECK-NEXT: %x = field [[E]], .x
double param_array(const Pt *p, int n) {
  double s = 0;
  for (int i = 0; i < n; i++)
    s += p[i].x * p[i].w[0];
  return s;
}

// Nested initialiser lists; q[1].y and q[1].w are zero.
// CHECK-LABEL: func @init_list(
// CHECK: %q = alloca [2 x $Pt]
// CHECK: store %a, %x
// CHECK: %y.1 = field {{%[0-9]+}}, .y
// CHECK: store {{%[0-9]+}}, %y.1
// CHECK: for.lt %k = 
// CHECK: store {{%[0-9]+}}, %w.1[%k]
double init_list(double a) {
  Pt q[2] = {{a, 1, {2, 3}}, {4}};
  return q[0].w[1] + q[1].x + q[1].w[1];
}

// CHECK-LABEL: func @ptr_into_array(
// CHECK: %e = addr %p[%k]
// CHECK-NEXT: %y = field %e, .y
// CHECK-NEXT: store %v, %y
// CHECK: [[A:%[0-9]+]] = addr %p[%k]
// CHECK: [[B:%[0-9]+]] = addr [[A]][
// CHECK-NEXT: %x = field [[B]], .x
void ptr_into_array(Pt *p, int k, double v) {
  Pt *e = &p[k];
  e->y = v;
  (p + k + 1)->x = v;
}

// ++ and -- in every position: the prefix form yields the new value, the
// postfix form the old one.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

// CHECK-LABEL: func @post_pre(
// CHECK: %i.1 = add.i32 %i,
// CHECK: %i.2 = add.i32 %i.1,
// CHECK: %i.3 = sub.i32 %i.2,
// CHECK: %i.4 = sub.i32 %i.3,
// a = i (old), b = i.2, c = i.2 (old), d = i.4
// CHECK: mul.i32 %i,
// CHECK: mul.i32 %i.2,
// CHECK: mul.i32 %i.2,
// CHECK: add.i32 {{%[0-9]+}}, %i.4
int post_pre(int i) {
  int a = i++;
  int b = ++i;
  int c = i--;
  int d = --i;
  return a * 1000 + b * 100 + c * 10 + d;
}

// y[k++] = …: the store uses the old k.
// CHECK-LABEL: func @store_post(
// CHECK: %k.2 = add.i32 %k.1,
// CHECK: store {{%[0-9]+}}, %y[%k.1]
void store_post(double *y, const double *x, int n) {
  int k = 0;
  for (int i = 0; i < n; i++)
    if (x[i] > 0)
      y[k++] = x[i];
}

// *p++ reads the old p; n-- > 0 compares the old n.
// CHECK-LABEL: func @ptr_walk(
// CHECK: cond(%p.1, %n.1, %s.1) {
// CHECK: %n.2 = sub.i32 %n.1,
// CHECK: gt %n.1,
// CHECK: %p.3 = addr %p.2[{{%[0-9]+}}]
// CHECK-NEXT: load.f64 %p.2
double ptr_walk(const double *p, int n) {
  double s = 0;
  while (n-- > 0)
    s += *p++;
  return s;
}

// CHECK-LABEL: func @double_inc(
// CHECK: %x.1 = add.f64 %x,
// CHECK: %x.2 = add.f64 %x.1,
// CHECK-NEXT: ret %x.2
double double_inc(double x) {
  x++;
  ++x;
  return x--;
}

// CHECK-LABEL: func @array_elem_inc(
// CHECK: [[A:%[0-9]+]] = load.i32 %c[[[I:%[0-9]+]]]
// CHECK: [[B:%[0-9]+]] = add.i32 [[A]],
// CHECK-NEXT: store [[B]], %c[[[I]]]
// CHECK: sub.f64
void array_elem_inc(int *c, double *v) {
  c[0]++;
  ++c[1];
  v[2]--;
}

// unsigned char wraps: promoted to int, added, converted back.
// CHECK-LABEL: func @wrap(
// CHECK: [[W:%[0-9]+]] = cast.i32 %c
// CHECK-NEXT: [[S:%[0-9]+]] = add.i32 [[W]],
// CHECK-NEXT: %c.1 = cast.u8 [[S]]
unsigned char wrap(unsigned char c) {
  c++;
  return c;
}

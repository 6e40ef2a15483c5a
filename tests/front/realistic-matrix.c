// Realistic: struct-heavy matrix code: a matrix struct inside another
// struct, helpers returning malloc'd structs and element pointers,
// Cholesky with an early failure return, -INFINITY.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

#include <math.h>
#include <stdlib.h>

typedef struct {
  int rows, cols;
  double *a;
} Mat;

typedef struct {
  Mat L;
  double diag[8];
  int n;
} Chol;

static Mat *mat_new(int rows, int cols) {
  Mat *m = malloc(sizeof(Mat));
  m->rows = rows;
  m->cols = cols;
  m->a = calloc((size_t)rows * cols, sizeof(double));
  return m;
}

static void mat_free(Mat *m) {
  free(m->a);
  free(m);
}

static double *at(const Mat *m, int i, int j) { return &m->a[i * m->cols + j]; }

static void matmul(const Mat *A, const Mat *B, Mat *C) {
  for (int i = 0; i < A->rows; i++)
    for (int j = 0; j < B->cols; j++) {
      double s = 0;
      for (int k = 0; k < A->cols; k++)
        s += *at(A, i, k) * *at(B, k, j);
      *at(C, i, j) = s;
    }
}

/* Cholesky factor of an SPD matrix into ch->L; returns 0 on failure */
static int cholesky(const Mat *A, Chol *ch) {
  int n = A->rows;
  ch->n = n;
  for (int j = 0; j < n; j++) {
    double d = *at(A, j, j);
    for (int k = 0; k < j; k++)
      d -= ch->L.a[j * n + k] * ch->L.a[j * n + k];
    if (d <= 0)
      return 0;
    ch->diag[j] = sqrt(d);
    ch->L.a[j * n + j] = ch->diag[j];
    for (int i = j + 1; i < n; i++) {
      double s = *at(A, i, j);
      for (int k = 0; k < j; k++)
        s -= ch->L.a[i * n + k] * ch->L.a[j * n + k];
      ch->L.a[i * n + j] = s / ch->diag[j];
    }
  }
  return 1;
}

/* log det of X^T X + lambda I, for X n x p with p <= 8 */
double logdet_gram(int n, int p, const double *X, double lambda) {
  Mat Xm = {n, p, (double *)X};
  Mat *Xt = mat_new(p, n);
  for (int i = 0; i < n; i++)
    for (int j = 0; j < p; j++)
      Xt->a[j * n + i] = X[i * p + j];
  Mat *G = mat_new(p, p);
  matmul(Xt, &Xm, G);
  for (int j = 0; j < p; j++)
    *at(G, j, j) += lambda;
  Chol ch;
  ch.L.rows = ch.L.cols = p;
  ch.L.a = calloc(p * p, sizeof(double));
  double r = -INFINITY;
  if (cholesky(G, &ch)) {
    r = 0;
    for (int j = 0; j < ch.n; j++)
      r += 2 * log(ch.diag[j]);
  }
  free(ch.L.a);
  mat_free(G);
  mat_free(Xt);
  return r;
}

// CHECK-LABEL: static func @at(
// CHECK: %a = field %m, .a
// CHECK: addr {{%[0-9]+}}[

// CHECK-LABEL: static func @cholesky(
// CHECK: %L = field %ch, .L
// CHECK-NEXT: %a = field %L, .a
// CHECK-NEXT: [[LA:%[0-9]+]] = load.ptr<f64> %a
// CHECK-NEXT: load.f64 [[LA]][
// CHECK: %done.2, %ret.2 = if {{%[0-9]+}} -> (i1, i32)
// CHECK: %diag = field %ch, .diag
// CHECK: [[SQ:%[0-9]+]] = call.f64 @sqrt(%d.3)
// CHECK-NEXT: store [[SQ]], %diag[%j.2]

// CHECK-LABEL: {{^}}func @logdet_gram(
// CHECK: %Xm = alloca $Mat
// CHECK: store %X, %a
// CHECK: call @matmul(%Xt, %Xm, %G)
// CHECK: [[E:%[0-9]+]] = call.ptr<f64> @at(%G, %j.3, %j.3)
// CHECK-NEXT: [[V:%[0-9]+]] = load.f64 [[E]]
// CHECK-NEXT: [[S:%[0-9]+]] = add.f64 [[V]], %lambda
// CHECK-NEXT: store [[S]], [[E]]
// CHECK: %ch = alloca $Chol
// CHECK: const.f32 inf
// CHECK-NOT: __builtin
// CHECK: call.i32 @cholesky(%G, %ch)
// CHECK: ret %r.6

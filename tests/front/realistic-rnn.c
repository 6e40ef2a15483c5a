// Realistic: a recurrent network over T steps: pointers swapped every
// step, the input pointer stepped in the for increment, NULL bias, a
// break on divergence.
// RUN: %adcc --emit=ir %s | FileCheck %s
// RUN: %adcc --verify --emit=ir %s > %t.ir
// RUN: %adcc --emit=ir %t.ir > %t.2.ir && diff %t.ir %t.2.ir

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define H 4

static double sigmoid(double z) { return 1 / (1 + exp(-z)); }

/* y = W x + b, W is rows x cols, row-major */
static void affine(int rows, int cols, const double *W, const double *x,
                   const double *b, double *y) {
  for (int r = 0; r < rows; r++) {
    const double *w = W + r * cols;
    double acc = b ? b[r] : 0.0;
    for (int c = 0; c < cols; c++)
      acc += *w++ * x[c];
    y[r] = acc;
  }
}

/* a GRU-like recurrence over T steps; returns the sum of squared outputs */
double rnn_loss(int T, int nin, const double *xs, const double *Wz,
                const double *Uz, const double *Wh, const double *Uh,
                const double *bias, const double *targets) {
  double h_a[H] = {0}, h_b[H];
  double *h = h_a, *hn = h_b;
  double *tmp1 = malloc(H * sizeof(double));
  double tmp2[H], zg[H];
  double loss = 0;
  const double *x = xs;
  for (int t = 0; t < T; t++, x += nin) {
    affine(H, nin, Wz, x, bias, tmp1);
    affine(H, H, Uz, h, NULL, tmp2);
    for (int i = 0; i < H; i++)
      zg[i] = sigmoid(tmp1[i] + tmp2[i]);
    affine(H, nin, Wh, x, bias + H, tmp1);
    affine(H, H, Uh, h, 0, tmp2);
    for (int i = 0; i < H; i++) {
      double cand = tanh(tmp1[i] + tmp2[i]);
      hn[i] = (1 - zg[i]) * h[i] + zg[i] * cand;
      double e = hn[i] - targets[t * H + i];
      loss += e * e;
    }
    double *sw = h;
    h = hn;
    hn = sw;
    if (loss > 1e6)
      break;
  }
  free(tmp1);
  return loss / T;
}

// CHECK-LABEL: static func @affine(
// CHECK: %w = addr %W[
// CHECK: %acc = if {{%[0-9]+}} -> (f64)
// CHECK: iter(%w.1 = %w, %acc.1 = %acc)
// CHECK: %w.2 = addr %w.1[
// CHECK-NEXT: load.f64 %w.1

// CHECK-LABEL: {{^}}func @rnn_loss(
// CHECK: %h_a = alloca [4 x f64]
// CHECK: %h_b = alloca [4 x f64]
// CHECK: while (%h_a, %h_b, %loss, %xs, %t, {{%[0-9]+}})
// CHECK: call @affine({{%[0-9]+}}, %nin, %Wz, %x.1, %bias, %tmp1)
// CHECK: call @affine({{%[0-9]+}}, {{%[0-9]+}}, %Uz, %h.1,
// CHECK: store {{%[0-9]+}}, %hn.1[%i.3]
// The increment (t++, x += nin) runs only if the body did not break.
// CHECK: %x.3, %t.4 = if {{%[0-9]+}} -> (ptr<f64>, i32)
// CHECK: %x.2 = addr %x.1[%nin]
// The buffers swap.
// CHECK: yield %hn.1, %h.1, %loss.5, %x.3, %t.4, %brk.2

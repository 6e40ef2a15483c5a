// Golden shape of memory tangents and signatures: each active parameter is
// followed by its tangent, in parameter order, inactive ones (n, c) stay
// alone; a malloc'd active block gets a calloc'd shadow of the same size,
// freed with it; a local active array gets a zeroed shadow array; a
// conditional carries its tangent as a second result; with the default
// request (no lists) every floating-point parameter is an input, a float one
// too, and the return value is the output.
// RUN: %adcc %s --forward 'g:a,x,b->y' --forward 'h' -o %t.d.c
// RUN: FileCheck %s < %t.d.c
// RUN: %cc -c %t.d.c -o %t.o
// RUN: %clang -c %t.d.c -o %t.o
#include <stdlib.h>
#include <math.h>

// CHECK-LABEL: /* Tangent of g: derivatives of y with respect to a, x, b. */
// CHECK-NEXT: void g_d(double a, double ad, int n, const double *x, const double *xd, double b, double bd, double *y, double *yd, double c)
// CHECK: [[P:t[0-9]+]] = malloc([[N:t[0-9]+]]);
// CHECK-NEXT: [[S:t[0-9]+]] = calloc([[N]], 1UL);
// CHECK-NEXT: double *tmp = (double *)[[P]];
// CHECK-NEXT: double *tmpd = (double *)[[S]];
// CHECK-NEXT: double loc[2];
// CHECK-NEXT: double locd[2];
// CHECK-NEXT: memset((void *)locd, 0, 16UL);
// CHECK-NEXT: loc[0] = a;
// CHECK-NEXT: locd[0] = ad;
// CHECK: for (int i = 0; i < n; i++) {
// CHECK: tmpd[i] =
// CHECK: for (int i = n - 1; i >= 0; i--) {
// CHECK: if (tmp[i] > 0.0) {
// CHECK-NEXT: [[V:t[0-9]+]] = tmp[i];
// CHECK-NEXT: [[T:t[0-9]+]] = tmpd[i];
// CHECK-NEXT: } else {
// CHECK-NEXT: [[V]] = -tmp[i];
// CHECK-NEXT: [[T]] = -tmpd[i];
// CHECK-NEXT: }
// CHECK-NEXT: y[i] = [[V]];
// CHECK-NEXT: yd[i] = [[T]];
// CHECK: free((void *)tmp);
// CHECK-NEXT: free((void *)tmpd);
// CHECK-NEXT: }
/* signature order: active parameters interleaved with their tangents */
void g(double a, int n, const double *x, double b, double *y, double c)
{
	double *tmp = malloc(n * sizeof *tmp);
	double loc[2];
	loc[0] = a;
	loc[1] = b * c;
	for (int i = 0; i < n; i++)
		tmp[i] = x[i] * loc[i % 2];
	int i = n - 1;
	while (i >= 0) {
		y[i] = tmp[i] > 0 ? tmp[i] : -tmp[i];
		i--;
	}
	free(tmp);
}

// CHECK-LABEL: /* Tangent of h: derivatives of the return value with respect to x, u. */
// CHECK-NEXT: double h_d(double x, double xd, float u, float ud, double *retd)
// CHECK-NEXT: {
// CHECK-NEXT: 	if (u > 0.0f) {
// CHECK-NEXT: 		double t0 = (double)u;
// CHECK-NEXT: 		xd = t0 * xd + x * (double)ud;
// CHECK-NEXT: 		x = x * t0;
// CHECK-NEXT: 	}
// CHECK-NEXT: 	*retd = xd;
// CHECK-NEXT: 	return x;
// CHECK-NEXT: }
double h(double x, float u)
{
	double m = x;
	if (u > 0)
		m = x * u;
	return m;
}

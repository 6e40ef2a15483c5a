// The shape of a tangent, and what activity analysis leaves out: the
// integer k and the index i carry no tangent, the inactive parameter w and
// the data a get no companion, `dead` and `unused` (which cannot reach the
// output) are removed; the loop stays a loop with its step; names are the
// user's, the tangents `<name>d`; the leading comment says what is
// differentiated.
// RUN: %adcc %s --forward 'f:x->return' -o %t.d.c
// RUN: FileCheck %s --implicit-check-not=kd --implicit-check-not=wd --implicit-check-not=ad --implicit-check-not=dead --implicit-check-not=unused < %t.d.c
// RUN: %cc -c %t.d.c -o %t.o
// RUN: %clang -c %t.d.c -o %t.o
#include <math.h>

// CHECK: double f_d(double x, double xd, double w, const double *a, int n, double *retd);
// CHECK-EMPTY:
// CHECK-NEXT: /* Tangent of f: derivatives of the return value with respect to x. */
// CHECK-NEXT: double f_d(double x, double xd, double w, const double *a, int n, double *retd)
// CHECK-NEXT: {
// CHECK-NEXT: 	double s = 0.0;
// CHECK-NEXT: 	int k = 0;
// CHECK-NEXT: 	double sd = 0.0;
// CHECK-NEXT: 	for (int i = 0; i < n; i += 2) {
// CHECK-NEXT: 		double t0 = a[i];
// CHECK-NEXT: 		s = s + (sin(x) * t0 + w);
// CHECK-NEXT: 		k = k + i * 3;
// CHECK-NEXT: 		sd = sd + t0 * (cos(x) * xd);
// CHECK-NEXT: 	}
// CHECK-NEXT: 	double t1 = (double)k;
// CHECK-NEXT: 	*retd = t1 * sd;
// CHECK-NEXT: 	return s * t1;
// CHECK-NEXT: }
double f(double x, double w, const double *a, int n)
{
	double s = 0, dead = 0;
	int k = 0;
	for (int i = 0; i < n; i += 2) {
		k = k + i * 3;
		s += sin(x) * a[i] + w;
		dead += x * x;
	}
	double unused = exp(x) * dead;
	(void)unused;
	return s * k;
}

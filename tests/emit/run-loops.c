/* Identity transform of loops: for, while with &&, do-while, nested loops,
 * loop-carried swaps, break/continue/early return (lowered to flags).  The
 * original and the re-emitted C must print identical bits.
 * RUN: %adcc %s -o %t.c
 * RUN: FileCheck %s < %t.c
 * RUN: %clang -c %t.c -o %t.o
 * RUN: %cc -ffp-contract=off -DTEST_MAIN %s -o %t.ref -lm
 * RUN: %cc -ffp-contract=off -DTEST_MAIN -DMAIN_ONLY %s %t.c -o %t.gen -lm
 * RUN: %t.ref > %t.ref.out && %t.gen > %t.gen.out && diff %t.ref.out %t.gen.out
 */
#include <math.h>
#include <stdio.h>

#ifndef MAIN_ONLY
static const double tab[3] = {1.0, 0.5, 0.25};

// CHECK-LABEL: double dot(const double *x, const double *y, int n){{$}}
// CHECK-NEXT: {
// CHECK-NEXT: double s = 0.0;
// CHECK-NEXT: for (int i = 0; i < n; i++) {
// CHECK-NEXT: s = s + x[i] * y[i];
// CHECK-NEXT: }
// CHECK-NEXT: return s;
// CHECK-NEXT: }
double dot(const double *x, const double *y, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += x[i] * y[i];
	return s;
}

// CHECK-LABEL: int search(const double *x, int n){{$}}
// CHECK: int i = 0;
// CHECK-NEXT: while (i < n && x[i] > 0.0) {
// CHECK-NEXT: i = i + 1;
// CHECK-NEXT: }
// CHECK-NEXT: return i;
int search(const double *x, int n)
{
	int i = 0;
	while (i < n && x[i] > 0)
		i++;
	return i;
}

/* a, b = b, a + b: one temporary for the parallel copy */
// CHECK-LABEL: double fib(int n){{$}}
// CHECK: double a = 0.0;
// CHECK-NEXT: double b = 1.0;
// CHECK-NEXT: for (int i = 0; i < n; i++) {
// CHECK-NEXT: double t0 = a;
// CHECK-NEXT: a = b;
// CHECK-NEXT: b = t0 + b;
// CHECK-NEXT: }
// CHECK-NEXT: return a;
double fib(int n)
{
	double a = 0, b = 1;
	for (int i = 0; i < n; i++) {
		double t = a + b;
		a = b;
		b = t;
	}
	return a;
}

double swapper(double a, double b, int n)
{
	for (int i = 0; i < n; i++) {
		double t = a;
		a = b;
		b = t * 0.5;
	}
	return a - b;
}

// CHECK-LABEL: double halve(double x){{$}}
// CHECK: do {
// CHECK-NEXT: x = x * 0.5;
// CHECK-NEXT: } while (x > 0.001);
double halve(double x)
{
	do {
		x = x * 0.5;
	} while (x > 1e-3);
	return x;
}

// CHECK-LABEL: double mat(double (*A)[3], const double *v){{$}}
// CHECK: for (int i = 0; i < 3; i++) {
// CHECK-NEXT: double row = 0.0;
// CHECK-NEXT: for (int j = 0; j < 3; j++) {
// CHECK-NEXT: row = row + A[i][j] * v[j];
// CHECK-NEXT: }
// CHECK-NEXT: out = out + row * tab[i];
double mat(double A[3][3], const double *v)
{
	double out = 0;
	for (int i = 0; i < 3; i++) {
		double row = 0;
		for (int j = 0; j < 3; j++)
			row += A[i][j] * v[j];
		out += row * tab[i];
	}
	return out;
}

int early(const double *x, int n, double lim)
{
	for (int i = 0; i < n; i++) {
		if (x[i] > lim)
			return i;
	}
	return -1;
}

double brk(const double *x, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++) {
		if (x[i] < 0)
			continue;
		if (x[i] > 10)
			break;
		s += sqrt(x[i]);
	}
	return s;
}

unsigned hashu(unsigned h, int n)
{
	for (int i = 0; i < n; i++)
		h = h * 31u + (unsigned)i;
	return h ^ (h >> 7);
}

double down(const double *x, int n)
{
	double s = 1;
	for (int i = n - 1; i >= 0; i -= 2)
		s = s * 0.5 + x[i];
	int k = 0;
	do {
		s += k;
		k++;
	} while (k < 3 && s < 100);
	return s;
}
// CHECK-NOT: goto
#endif

#ifdef TEST_MAIN
double dot(const double *x, const double *y, int n);
int search(const double *x, int n);
double fib(int n);
double swapper(double a, double b, int n);
double halve(double x);
double mat(double A[3][3], const double *v);
int early(const double *x, int n, double lim);
double brk(const double *x, int n);
unsigned hashu(unsigned h, int n);
double down(const double *x, int n);

int main(void)
{
	double x[6] = {0.5, 1.5, -2.0, 3.25, 20.0, 1e-5};
	double y[6] = {1.0, -0.5, 0.25, 2.0, 1e-3, 7.0};
	double A[3][3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9.5}};
	printf("%a\n", dot(x, y, 6));
	printf("%d %d %d\n", search(x, 6), search(y, 6), search(x, 0));
	printf("%a %a\n", fib(10), fib(0));
	printf("%a %a\n", swapper(1.0, 2.0, 5), swapper(1.0, 2.0, 0));
	printf("%a\n", halve(3.0));
	printf("%a\n", mat(A, y));
	printf("%d %d\n", early(x, 6, 3.0), early(x, 6, 100.0));
	printf("%a %a\n", brk(x, 6), brk(y, 6));
	printf("%u\n", hashu(17u, 100));
	printf("%a %a\n", down(x, 6), down(y, 5));
	return 0;
}
#endif

/* Identity transform of scalar code: constants (tiny, huge, -0.0, inf,
 * INT_MIN-like), float arithmetic, small integer types and promotions,
 * unsigned wrap-around, conditionals and ternaries, recursion, math calls.
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
// CHECK: #include <math.h>

// CHECK-LABEL: double consts(double x){{$}}
// CHECK: double y = x * 1e-300 + -0.0;
double consts(double x)
{
	double y = x * 1e-300 + -0.0;
	if (x > 1e300)
		y = HUGE_VAL;
	if (x < -1e300)
		y = -HUGE_VAL;
	return y + 0.1 + 1e22 + 123456789012345678.0 + 5e-324;
}

double negzero(double x)
{
	return x * -0.0;
}

// CHECK-LABEL: float fl(float a, float b){{$}}
// CHECK: float c = a * 0.1f + b;
// CHECK-NEXT: return c * c - 0.001f;
float fl(float a, float b)
{
	float c = a * 0.1f + b;
	return c * c - 1e-3f;
}

long lmix(long a, int b, short c, signed char d, unsigned char e)
{
	short s = (short)(c + c);
	signed char f = (signed char)(d * 3);
	unsigned char g = (unsigned char)(e + 200);
	return a / 3 + b % 7 + s + f + g + (a << 2) + (a >> 1);
}

unsigned long big(unsigned long u, long l)
{
	unsigned long m = 18446744073709551615ul;
	long n = -9223372036854775807l - 1;
	int k = -2147483647 - 1;
	return (u ^ m) + (unsigned long)(l == n) + (unsigned long)(k < l) + (u >> 3);
}

unsigned short ushort(unsigned short a, unsigned short b)
{
	return (unsigned short)((unsigned)a * b + 7);
}

static double sq(double x) { return x * x; }

// CHECK-LABEL: double piecewise(double x){{$}}
// CHECK-NEXT: {
// CHECK-NEXT: return x < -1.0 ? -x : (x < 0.0 ? x * x : (x < 1.0 ? sin(x) : exp(-x)));
// CHECK-NEXT: }
double piecewise(double x)
{
	double r;
	if (x < -1)
		r = -x;
	else if (x < 0)
		r = x * x;
	else if (x < 1)
		r = sin(x);
	else
		r = exp(-x);
	return r;
}

double tern(double a, double b) { return a > b ? sq(a) : b - a; }

double recur(int n) { return n <= 1 ? 1.0 : n * recur(n - 1); }

int logic(int a, int b, double x)
{
	int r = 0;
	if ((a > 0 && b > 0) || x != x)
		r = 1;
	if (!(a < b) && !(x < 0))
		r += 2;
	return r + (a == b) + !a;
}

double mathy(double x, double y)
{
	return pow(fabs(x), 0.3) + atan2(y, x) + fmax(x, y) + floor(x * 3.7) +
		sqrt(x * x + y * y) + log1p(fabs(y)) + fmod(x, 0.75);
}
#endif

#ifdef TEST_MAIN
double consts(double x);
double negzero(double x);
float fl(float a, float b);
long lmix(long a, int b, short c, signed char d, unsigned char e);
unsigned long big(unsigned long u, long l);
unsigned short ushort(unsigned short a, unsigned short b);
double piecewise(double x);
double tern(double a, double b);
double recur(int n);
int logic(int a, int b, double x);
double mathy(double x, double y);

int main(void)
{
	double xs[7] = {-2.5, -0.5, 0.25, 0.75, 1.5, 1e301, -1e301};
	for (int i = 0; i < 7; i++)
		printf("%a %a %a %a\n", consts(xs[i]), piecewise(xs[i]),
			mathy(xs[i], 0.5 - xs[i]), negzero(xs[i]));
	printf("%a\n", (double)fl(1.25f, -3.5f));
	printf("%ld %ld\n", lmix(1000, 45, 30000, 100, 77), lmix(-7, -45, -300, -100, 255));
	printf("%lu %lu\n", big(12345, -9223372036854775807l - 1), big(0, 7));
	printf("%u\n", (unsigned)ushort(65535, 65535));
	printf("%a %a %a\n", tern(3, 2), tern(2, 3), recur(10));
	printf("%d %d %d\n", logic(1, 2, 0.5), logic(2, 2, -1.0), logic(0, -1, 0.0 / 0.0));
	return 0;
}
#endif

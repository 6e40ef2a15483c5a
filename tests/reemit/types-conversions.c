/* Re-emission of every scalar type and the conversions between them:
 * double, float, char/signed char/unsigned char, short/unsigned short,
 * int/unsigned, long/unsigned long, long long, size_t; usual arithmetic
 * conversions, int counter vs double bound, integer division and %,
 * unsigned wrap-around, narrow-type arithmetic, explicit casts, sizeof.
 * The original and the re-emitted functions, built with the same driver,
 * must print identical bits.
 * RUN: %adcc %s -o %t.re.c
 * RUN: FileCheck %s < %t.re.c
 * RUN: not grep -n goto %t.re.c
 * RUN: %cc -c %t.re.c -o %t.gcc.o && %clang -c %t.re.c -o %t.clang.o
 * RUN: %cc -ffp-contract=off -DTEST_MAIN %s -o %t.ref -lm
 * RUN: %cc -ffp-contract=off -DTEST_MAIN -DMAIN_ONLY %s %t.re.c -o %t.gen -lm
 * RUN: %cc -O0 %san -ffp-contract=off -DTEST_MAIN -DMAIN_ONLY %s %t.re.c -o %t.san -lm
 * RUN: %t.ref > %t.ref.out && %t.gen > %t.gen.out && %t.san > %t.san.out
 * RUN: diff %t.ref.out %t.gen.out && diff %t.ref.out %t.san.out
 */
#include <stddef.h>
#include <stdio.h>

#ifndef MAIN_ONLY
/* int counter against a double bound: i is converted at each test */
// CHECK-LABEL: double int_bound(const double *x, double b){{$}}
// CHECK: int i = 0;
// CHECK-NEXT: while ((double)i < b) {
// CHECK-NEXT: s = s + x[i] * (double)i;
// CHECK-NEXT: i = i + 1;
double int_bound(const double *x, double b)
{
	double s = 0;
	for (int i = 0; i < b; i++)
		s += x[i] * i;
	return s;
}

/* n / 2 * x truncates first; n * x / 2 does not */
// CHECK-LABEL: double mix(int n, double x){{$}}
// CHECK: (double)(n / 2) * x + (double)n * x / 2.0
double mix(int n, double x)
{
	double a = n / 2 * x + n * x / 2;
	double b = (n % 3) * x - (double)(n / 3);
	int k = x;            /* truncation toward zero */
	long l = (long)(x * 1e10);
	return a + b + k + (double)l * 1e-10;
}

/* integer division and remainder of negative operands, all widths */
long idivmod(int a, int b, long c, long d, short e, signed char f)
{
	int q = a / b, r = a % b;
	long lq = c / d, lr = c % d;
	int eq = e / f, er = e % f;
	return q * 1000000L + r * 10000L + lq * 100 + lr + eq * 7 + er;
}

/* unsigned wrap-around and mixed signed/unsigned comparisons */
unsigned long wrap(unsigned u, unsigned long ul, int i)
{
	unsigned a = u - 10u;            /* wraps for u < 10 */
	unsigned b = u * 4000000000u;
	unsigned long c = ul + (unsigned long)i;   /* i < 0 wraps */
	unsigned long cmp = (unsigned)i > u;       /* -1 becomes UINT_MAX */
	unsigned d = ~u >> 3;
	return a + (unsigned long)b * 3 + c + cmp + d + (u << 5);
}

/* narrow types: promotion to int, then conversion back on assignment */
int narrow(char c, unsigned char uc, short s, unsigned short us, signed char sc)
{
	char c2 = c + 1;
	unsigned char uc2 = uc + 200;   /* wraps modulo 256 */
	unsigned char uc3 = uc * uc;
	short s2 = s * 3;               /* may not fit: implementation-defined */
	unsigned short us2 = us + us;
	signed char sc2 = -sc;
	int p = uc * sc;                /* both promoted to int */
	int q = us * 30000;             /* int arithmetic */
	return c2 + uc2 + uc3 + s2 + us2 + sc2 + p + q;
}

/* float stays float; float with double goes to double */
float flt(float a, float b, double d)
{
	float c = a * b + 0.1f;
	float e = c / 3;                 /* int converted to float */
	double g = c + d;                /* float converted to double */
	float h = g;                     /* double rounded to float */
	return h * e - (float)(a < b) + (float)(long)a;
}

/* long long, size_t and sizeof */
unsigned long long sizes(size_t n, long long ll, unsigned long long ull)
{
	size_t sz = sizeof(double) * n + sizeof(float) + sizeof(short) + sizeof(char);
	size_t idx = n - 1;              /* wraps for n == 0 */
	long long m = ll * 3 - (long long)n;
	unsigned long long u = ull >> 7 | ull << 57;
	double dd[6];
	size_t cnt = sizeof dd / sizeof dd[0];
	return sz + idx + (unsigned long long)m + u + cnt + sizeof(int[3]);
}

/* casts between floating types and integers of every width */
double casts(double x)
{
	float f = (float)x;
	int i = (int)x;
	unsigned u = (unsigned)(x < 0 ? -x : x);
	short s = (short)i;
	unsigned char c = (unsigned char)i;
	long long ll = (long long)(x * 1e6);
	double back = (double)f + (double)i + (double)u + s + c + (double)ll;
	return back + (double)(float)(x / 3) - (int)(x * 0.5) + (x > 0) + (x == x);
}

/* comparisons of every kind, with mixed types */
int compare(int a, unsigned b, double x, float y, long l)
{
	int r = 0;
	r = r * 2 + (a < x);
	r = r * 2 + (a <= l);
	r = r * 2 + (x > y);
	r = r * 2 + (y >= a);
	r = r * 2 + (b == (unsigned)a);
	r = r * 2 + (l != a);
	r = r * 2 + ((long)b > l);
	r = r * 2 + (x != x);
	return r;
}
#endif

#ifdef TEST_MAIN
double int_bound(const double *x, double b);
double mix(int n, double x);
long idivmod(int a, int b, long c, long d, short e, signed char f);
unsigned long wrap(unsigned u, unsigned long ul, int i);
int narrow(char c, unsigned char uc, short s, unsigned short us, signed char sc);
float flt(float a, float b, double d);
unsigned long long sizes(size_t n, long long ll, unsigned long long ull);
double casts(double x);
int compare(int a, unsigned b, double x, float y, long l);

int main(void)
{
	double x[8] = {0.5, -1.25, 3.0, 1e-3, 7.5, -2.0, 0.1, 9.0};
	double bs[5] = {0, 0.5, 3, 3.5, 8};
	for (int k = 0; k < 5; k++)
		printf("int_bound %a\n", int_bound(x, bs[k]));
	int ns[5] = {7, -7, 0, 1, -13};
	double xs[4] = {0.3, -2.75, 1e5, -1e-5};
	for (int k = 0; k < 5; k++)
		for (int j = 0; j < 4; j++)
			printf("mix %a\n", mix(ns[k], xs[j]));
	printf("idivmod %ld %ld %ld\n", idivmod(7, 2, 9, 4, 100, 7),
		idivmod(-7, 2, -9, 4, -100, 7), idivmod(7, -3, 9, -4, 100, -9));
	printf("wrap %lu %lu %lu\n", wrap(3, 1, -1), wrap(4000000000u, 5, 7),
		wrap(12, 18446744073709551615ul, 2));
	printf("narrow %d %d %d\n", narrow(100, 100, 20000, 60000, -128),
		narrow(-5, 255, -3, 0, 127), narrow(127, 0, 11, 65535, 0));
	printf("flt %a %a\n", (double)flt(1.5f, -2.25f, 0.1), (double)flt(3e20f, 7e-3f, -1e30));
	printf("sizes %llu %llu\n", sizes(0, -5, 123456789), sizes(10, 1ll << 40, ~0ull));
	for (int j = 0; j < 4; j++)
		printf("casts %a\n", casts(xs[j] * 1.37));
	printf("compare %d %d %d\n", compare(-1, 1u, -0.5, 0.25f, -1L),
		compare(3, 3u, 3.0, 3.0f, 3L), compare(2, 5u, 0.0 / 0.0, -1.0f, 9L));
	return 0;
}
#endif

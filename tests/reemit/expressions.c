/* Re-emission of expression corners: comparisons with NaN under negation
 * (if/else swapped arms must not turn !(x < y) into x >= y), the comma
 * operator, assignment inside conditions, sizeof of an expression with
 * side effects (not evaluated), character and hexadecimal literals,
 * argument and return conversions, ?: mixing int and double, -0.0,
 * infinities, signed shifts of non-negative values.
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
#include <math.h>
#include <stdio.h>

#ifndef MAIN_ONLY
/* with NaN every ordered comparison is false: negations must stay negations */
// CHECK-LABEL: int nan_cmp(double x, double y){{$}}
// CHECK: r = !(x <= y) ? r + 4 : r;
// CHECK: while (!(x >= y) && r < 100) {
int nan_cmp(double x, double y)
{
	int r = 0;
	if (x < y)
		r += 1;
	else
		r += 2;
	if (!(x <= y))
		r += 4;
	if (!(x > y) && !(x >= y))
		r += 8;
	while (!(x >= y) && r < 100)
		r += 16;
	r += x == y ? 1000 : 2000;
	r += x != y ? 10000 : 20000;
	double m = x > y ? x : y;
	double n = !(x < y) ? x : y;
	return r + (m == m) * 100000 + (n == n) * 200000;
}

int comma(int a, int *out)
{
	int b = (a++, a * 2);
	int c = 0;
	for (int i = 0, j = 5; i < j; i++, j--)
		c += i * j;
	*out = (c++, b++, c + b);
	return a + b + c;
}

double assign_cond(const double *x, int n)
{
	double d, s = 0;
	int i = 0;
	while (i < n && (d = x[i]) > 0) {
		s += d;
		i++;
	}
	int k;
	if ((k = n / 2) > 1)
		s += k;
	return s + i + k;
}

// CHECK-LABEL: unsigned long sizeof_side(double *x, int i){{$}}
// CHECK: * 100UL + (unsigned long)i;
size_t sizeof_side(double *x, int i)
{
	size_t s = sizeof(x[i++]);      /* i not incremented */
	s += sizeof i++ * 2;
	s += sizeof(x[0] * i) + sizeof(char) + sizeof(float);
	return s * 100 + (size_t)i;
}

int literals(int k)
{
	char c = 'a' + k;
	int h = 0x7f + 0X10 + 010 + 0b101;
	unsigned long big = 0xFFFFFFFFFFul;
	double hx = 0x1.8p3 + 1e-5 + .5 + 3.;
	float f = 1.5e-3F;
	long l = 123456789012L;
	return c + h + (int)(big >> 20) + (int)hx + (int)(f * 1e4f) + (int)(l % 1000) + '\n' + '\0';
}

static float takes_float(float f) { return f * 3; }
static int takes_int(int i) { return i / 2; }
static double takes_double(double d) { return d / 3; }
static int ret_int(double d) { return d * 1.5; }
static unsigned char ret_uc(int i) { return i * 3; }
static float ret_float(double d) { return d / 7; }

double conv_args(double d, int i)
{
	float a = takes_float(d);       /* double rounded to float */
	int b = takes_int(d);           /* double truncated */
	double c = takes_double(i);     /* int widened */
	int e = ret_int(d);
	unsigned char u = ret_uc(i);
	double f = ret_float(d);
	return a + b + c + e + u + f;
}

double mixed_cond(int k, double x)
{
	double a = k > 0 ? 1 : 0.5;
	double b = k > 1 ? k : x;
	int c = k > 2 ? x : k;
	unsigned u = k;
	long d = k < 0 ? u : (unsigned)-1;
	return a + b + c + (double)d;
}

double special(double x)
{
	double nz = -0.0;
	double a = x * nz;
	double inf = HUGE_VAL;
	double b = x > 0 ? inf : -inf;
	double c = 1 / (x - x + nz);      /* -inf for finite x */
	double d = fmin(x, INFINITY) + fmax(x, -INFINITY);
	return copysign(1, a) + b + c + d + (isnan(x) ? 1 : 0);
}

int shifts(int a, unsigned b, int s)
{
	int p = a << s;
	int q = a >> s;
	unsigned r = b >> s;
	unsigned t = b << (s + 1);
	long w = (long)a << 33;
	return p + q + (int)r + (int)t + (int)(w >> 30);
}
#endif

#ifdef TEST_MAIN
int nan_cmp(double x, double y);
int comma(int a, int *out);
double assign_cond(const double *x, int n);
size_t sizeof_side(double *x, int i);
int literals(int k);
double conv_args(double d, int i);
double mixed_cond(int k, double x);
double special(double x);
int shifts(int a, unsigned b, int s);

int main(void)
{
	double v[5] = {1.0, -1.0, NAN, 0.0, -0.0};
	for (int i = 0; i < 5; i++)
		for (int j = 0; j < 5; j++)
			printf("nan_cmp %d\n", nan_cmp(v[i], v[j]));
	for (int a = -2; a <= 2; a++) {
		int out;
		int r = comma(a, &out);
		printf("comma %d %d\n", r, out);
	}
	double x[6] = {1.5, 2.5, 0.25, -1, 3, 4};
	for (int n = 0; n <= 6; n++)
		printf("assign_cond %a\n", assign_cond(x, n));
	printf("sizeof_side %zu\n", sizeof_side(x, 2));
	printf("literals %d %d\n", literals(0), literals(3));
	double ds[4] = {2.75, -3.9, 1e-3, 12345.678};
	for (int i = 0; i < 4; i++)
		printf("conv_args %a %a\n", conv_args(ds[i], i * 37 - 50), conv_args(-ds[i], 7));
	for (int k = -1; k <= 3; k++)
		printf("mixed_cond %a\n", mixed_cond(k, 2.75));
	double sp[4] = {2.5, -1.5, 0.0, NAN};
	for (int i = 0; i < 4; i++)
		printf("special %a\n", special(sp[i]));
	printf("shifts %d %d\n", shifts(5, 0x80000001u, 3), shifts(1000, 7u, 0));
	return 0;
}
#endif

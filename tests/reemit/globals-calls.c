/* Re-emission of file-scope things and calls: #define constants, const
 * globals (scalars, 1-D and 2-D arrays, arrays of structs with nested
 * initialisers), static helper functions (also recursive and void ones
 * writing through pointers), calls to math functions, malloc/calloc/free
 * scratch arrays, calls whose results feed other calls.
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
#include <stdlib.h>

#define N 4
#define HALF 0.5
#define SCALE (2.0 * HALF + 0.25)
#define SQR(a) ((a) * (a))

typedef struct { double w; double mu[2]; int tag; } Comp;

#ifndef MAIN_ONLY
// CHECK: static const double coef[4] = {1.0, -0.5, 0.25, 0.125};
static const double coef[N] = {1.0, -0.5, 0.25, 0.125};
// CHECK: const double eps = 1e-12;
const double eps = 1e-12;
const int steps = 3;
static const double grid[2][3] = {{1, 2, 3}, {4.5, 5.5, 6.5}};
// CHECK: static const Comp comps[3] = {{[{][{]}}0.5, {1.0, 2.0}, 1}, {0.25, {-1.0, 0.5}, 2}, {0.25, {0.0, 0.0}, 3}};
static const Comp comps[3] = {{0.5, {1, 2}, 1}, {0.25, {-1, 0.5}, 2}, {0.25, {0}, 3}};
static const float fl[3] = {0.1f, 0.2f, 0.3f};

static double poly(double x)
{
	double r = 0;
	for (int i = N - 1; i >= 0; i--)
		r = r * x + coef[i];
	return r;
}

static double fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }

static void minmax(const double *x, int n, double *lo, double *hi)
{
	*lo = x[0];
	*hi = x[0];
	for (int i = 1; i < n; i++) {
		if (x[i] < *lo)
			*lo = x[i];
		if (x[i] > *hi)
			*hi = x[i];
	}
}

// CHECK-LABEL: double consts(double x){{$}}
// CHECK: double t0 = poly(x * (2.0 * 0.5 + 0.25));
double consts(double x)
{
	double s = poly(x * SCALE) + SQR(x - HALF) + eps;
	for (int k = 0; k < steps; k++)
		s += grid[k % 2][k] * fl[k];
	for (int c = 0; c < 3; c++)
		s += comps[c].w * (comps[c].mu[0] - x) * comps[c].mu[1] + comps[c].tag;
	return s + fact(5) + sizeof(coef) / sizeof(coef[0]);
}

/* math library calls, nested, with integer and float arguments */
double mathcalls(double x, double y)
{
	double a = sin(x) * cos(y) + tan(x * 0.1) + exp(-x * x) + log(1 + y * y);
	double b = sqrt(fabs(x)) + pow(fabs(y), 1.5) + atan2(y, x) + hypot(x, y);
	double c = fmax(x, y) - fmin(x, y) + floor(x) + ceil(y) + fmod(x, 0.7);
	double d = tanh(x) + sinh(y * 0.1) + cosh(x * 0.1) + asin(0.5 * tanh(y)) + acos(0.25) + atan(x);
	double e = exp2(0.5 * x) + log2(1 + fabs(x)) + log10(2 + y * y) + expm1(x * 0.01) + log1p(fabs(y)) + cbrt(x);
	float f = sinf((float)x) + sqrtf(fabsf((float)y)) + expf(0.1f * (float)x);
	double g = erf(x) + lgamma(2 + fabs(y)) + copysign(1.5, y) + round(x * 2.5) + trunc(y);
	return a + b + c + d + e + f + g + (double)lround(x * 3) + ldexp(x, 3);
}

/* malloc/calloc/free scratch arrays */
double scratch(const double *x, int n)
{
	double *t = malloc(sizeof(double) * n);
	double *u = calloc(n, sizeof *u);
	int *idx = malloc(n * sizeof(int));
	for (int i = 0; i < n; i++) {
		t[i] = x[i] * x[i];
		idx[i] = n - 1 - i;
	}
	for (int i = 0; i < n; i++)
		u[idx[i]] += t[i] + u[i];
	double lo, hi;
	minmax(u, n, &lo, &hi);
	double s = hi - lo;
	for (int i = 0; i < n; i++)
		s += u[i] / (1 + i);
	free(t);
	free(u);
	free(idx);
	return s;
}

/* results of calls feeding calls; a call in a loop bound and condition */
static int count(const double *x, int n, double thr)
{
	int c = 0;
	for (int i = 0; i < n; i++)
		c += x[i] > thr;
	return c;
}

double nested(const double *x, int n)
{
	double s = 0;
	for (int i = 0; i < count(x, n, 0.0); i++)
		s += poly(x[i]) * fact(i);
	int k = 0;
	while (k < n && poly(x[k]) > 0.5)
		k++;
	return s + k + poly(poly(s * 1e-3)) + fmax(poly(x[0]), poly(x[n - 1]));
}
#endif

#ifdef TEST_MAIN
double consts(double x);
double mathcalls(double x, double y);
double scratch(const double *x, int n);
double nested(const double *x, int n);

int main(void)
{
	double xs[6] = {-2.5, -0.5, 0.25, 0.75, 1.5, 3.25};
	for (int i = 0; i < 6; i++)
		printf("consts %a\nmathcalls %a %a\n", consts(xs[i]), mathcalls(xs[i], xs[5 - i]),
			mathcalls(xs[i] * 0.3, -xs[i]));
	for (int n = 1; n <= 6; n++)
		printf("scratch %a\nnested %a\n", scratch(xs, n), nested(xs + 6 - n, n));
	return 0;
}
#endif

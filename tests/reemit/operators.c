/* Re-emission of operators with side effects and short-circuit: && || !
 * with side effects in the right operand, a guarded out-of-bounds access
 * `i < n && x[i] > 0` (built with ASan: the guard must stay), ?: with
 * side effects, compound assignment of every kind, ++/-- prefix and
 * postfix in every position, chained assignment.
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
#include <stdio.h>
#include <stdlib.h>

#ifndef MAIN_ONLY
/* the guard keeps x[n] from being read: x is exactly n long in the driver */
// CHECK-LABEL: int count_pos(const double *x, int n){{$}}
// CHECK: while (i < n && x[i] > 0.0) {
int count_pos(const double *x, int n)
{
	int i = 0;
	while (i < n && x[i] > 0)
		i++;
	int j = n - 1;
	while (j >= 0 && !(x[j] <= 0))
		j--;
	int c = 0;
	for (int k = 0; k <= n; k++)
		if (k == n || x[k] < 0)
			c++;
	return i * 100 + j * 10 + c;
}

/* side effects in the right operand happen only when it is evaluated */
// CHECK-LABEL: int sides(int a, int b, int *cnt){{$}}
// CHECK: if (a > 0) {
// CHECK-NEXT: k = b * 2;
// CHECK-NEXT: t0 = k > 3;
int sides(int a, int b, int *cnt)
{
	int k = 0;
	if (a > 0 && (k = b * 2) > 3)
		*cnt += 1;
	if (a < 0 || ++k > 5)
		*cnt += 10;
	int r = (b > 0 && (*cnt)++ > 4) || (a == 0 && (*cnt += 100) > 0);
	int s = !a && k++;
	return r * 1000 + s * 100 + k;
}

/* a pointer tested before it is dereferenced */
// CHECK-LABEL: double deref_guard(const double *p, double d){{$}}
// CHECK: double r = p != NULL && *p > 1.0 ? d + *p : d;
double deref_guard(const double *p, double d)
{
	double r = d;
	if (p && *p > 1)
		r += *p;
	if (!p || *p < 0)
		r -= 1;
	return p != NULL && p[0] == 2 ? r * 2 : r;
}

/* ?: whose arms read memory or have side effects */
double ternary(double *x, int n, int i)
{
	double a = i < n ? x[i] : 0;
	double b = i >= 0 && i < n ? x[i] * 2 : -1;
	int j = i;
	double c = i > 2 ? x[j++] : x[--j + 1];
	double d = (a > b ? a : b) + (c < 0 ? -c : c);
	x[0] = n > 3 ? (x[1] = 5) : 7;
	return a + b + c + d + j;
}

/* compound assignment of every operator, on variables and memory */
long compound(double *x, int *v, int n)
{
	double s = 1;
	s += x[0];
	s -= x[1] * 2;
	s *= 1.5;
	s /= 3;
	x[2] += s;
	x[3] -= x[2];
	x[n - 1] *= 0.5;
	x[0] /= 4;
	int k = 1000;
	k %= 7;
	k <<= 3;
	k >>= 1;
	k &= 0x3c;
	k |= 0x101;
	k ^= 0x0ff;
	v[0] += k;
	v[1] += v[0];
	v[2] *= 3;
	v[2] /= 2;
	v[3] %= 5;
	v[1] <<= 2;
	v[0] >>= 1;
	v[3] |= 8;
	v[2] &= ~1;
	v[1] ^= 0x55;
	int i = 0;
	x[i++] += 1;     /* i incremented once */
	v[i++] -= 1;
	unsigned u = 7;
	u -= 9;          /* wraps */
	int m = 3;
	m *= 2.5;        /* m = (int)(3 * 2.5) */
	m += 0.75;       /* m = (int)(7 + 0.75) */
	return k + i + (long)u + m + (long)(s * 1000);
}

/* ++ and -- in every position: statements, indices, values, loops */
double incdec(double *x, int n)
{
	int i = 0;
	double a = x[i++];
	double b = x[++i];
	double c = x[i--];
	double d = x[--i];
	x[i++] = a + b;
	x[i]++;
	++x[i + 1];
	x[n - 1]--;
	--x[n - 2];
	double e = x[i]++;
	e += ++x[i];
	int k = 5;
	int m = k++;
	m += k;
	m += k-- * 2;
	int p = --k + 1;
	double f = 1.5;
	f++;
	double g = f-- * 2;
	double h = ++f;
	return a + b * 2 + c * 3 + d * 4 + e + i * 10 + m + p + f + g + h;
}

/* chained assignment through variables and memory */
double chained(double *x, int n)
{
	double a, b, c;
	a = b = c = x[0] * 2;
	x[1] = x[2] = a + 1;
	int i, j;
	i = j = n / 2;
	x[i] = x[j + 1] = b = c + 3;
	double *p = x, *q;
	q = p = p + 1;
	*q = *p = 9;
	return a + b + c + x[1] + x[2] + x[i] + i + j + q[1];
}

/* logical values as integers */
int logic(int a, int b, double x)
{
	int r = (a && b) + 2 * (a || b) + 4 * !a + 8 * !!b + 16 * (x && a) + 32 * !(x > 0);
	return r + (a > b) - (a != b);
}
#endif

#ifdef TEST_MAIN
int count_pos(const double *x, int n);
int sides(int a, int b, int *cnt);
double deref_guard(const double *p, double d);
double ternary(double *x, int n, int i);
long compound(double *x, int *v, int n);
double incdec(double *x, int n);
double chained(double *x, int n);
int logic(int a, int b, double x);

static double *heap(const double *v, int n)
{
	double *p = malloc(sizeof(double) * (size_t)(n ? n : 1));
	for (int i = 0; i < n; i++)
		p[i] = v[i];
	return p;
}

int main(void)
{
	double v0[6] = {1, 2, 3, 4, 5, 6}, v1[6] = {1, -2, 3, 4, -5, 6}, v2[6] = {0.5, 0.5, 0, 1, 1, 1};
	const double *vs[3] = {v0, v1, v2};
	for (int k = 0; k < 3; k++)
		for (int n = 0; n <= 6; n++) {
			double *h = heap(vs[k], n);   /* exact size: ASan sees x[n] */
			printf("count_pos %d\n", count_pos(h, n));
			free(h);
		}
	for (int a = -1; a <= 1; a++)
		for (int b = -1; b <= 3; b += 2) {
			int cnt = 3;
			int r = sides(a, b, &cnt);
			printf("sides %d %d\n", r, cnt);
		}
	double two = 2, neg = -3, half = 0.5;
	printf("deref_guard %a %a %a %a\n", deref_guard(0, 1), deref_guard(&two, 1),
		deref_guard(&neg, 1), deref_guard(&half, 1));
	for (int i = -1; i <= 5; i++) {
		double x[6] = {1.5, -2, 3, 4.25, -5, 6};
		double *h = heap(x, 6);
		double r = ternary(h, i < 3 ? 6 : 3, i < 0 ? 3 : i);
		printf("ternary %a %a %a\n", r, h[0], h[1]);
		free(h);
	}
	{
		double x[5] = {1.5, -2, 3, 4.25, -5};
		int v[4] = {17, -3, 9, 23};
		long r = compound(x, v, 5);
		printf("compound %ld", r);
		for (int i = 0; i < 5; i++)
			printf(" %a", x[i]);
		for (int i = 0; i < 4; i++)
			printf(" %d", v[i]);
		printf("\n");
	}
	{
		double x[6] = {1.5, -2, 3, 4.25, -5, 0.125};
		double r = incdec(x, 6);
		printf("incdec %a", r);
		for (int i = 0; i < 6; i++)
			printf(" %a", x[i]);
		printf("\n");
	}
	for (int n = 2; n <= 6; n += 2) {
		double x[8] = {1.5, -2, 3, 4.25, -5, 0.125, 7, 8};
		double r = chained(x, n);
		printf("chained %a", r);
		for (int i = 0; i < 8; i++)
			printf(" %a", x[i]);
		printf("\n");
	}
	for (int a = -1; a <= 1; a++)
		for (int b = 0; b <= 2; b++)
			printf("logic %d %d\n", logic(a, b, 0.5 * (a + b)), logic(b, a, -1.0));
	return 0;
}
#endif

/* Re-emission of harder combinations: ++ in loop conditions, size_t
 * loops counting down through zero, unsigned char/short/float counters,
 * continue in do-while and in for with a compound step, return from
 * inside do-while and nested whiles, variables assigned on only some
 * paths, pointers selected by ?: and by branches, loop-carried swaps,
 * early return in a loop whose body declares arrays.
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
// CHECK-LABEL: double inc_cond(const double *x, int n){{$}}
// CHECK: for (;;) {
// CHECK-NEXT: if (i >= n) {
// CHECK-NEXT: i = i + 1;
// CHECK-NEXT: break;
double inc_cond(const double *x, int n)
{
	int i = 0;
	double s = 0;
	while (i++ < n)
		s += x[i - 1] * i;
	int j = n;
	while (--j > 0)
		s -= x[j];
	int k = 0;
	do
		s += x[k];
	while (++k < n && x[k] > -1);
	return s + i * 100 + j * 10 + k;
}

// CHECK-LABEL: double size_down(const double *x, unsigned long n){{$}}
// CHECK: i = i - 1UL;
// CHECK-NEXT: s = s * 0.75 + x[i];
double size_down(const double *x, size_t n)
{
	double s = 0;
	for (size_t i = n; i-- > 0;)
		s = s * 0.75 + x[i];
	size_t m = n;
	while (m > 0) {
		m--;
		s += x[m] * m;
	}
	unsigned char c;
	for (c = 0; c < n; c++)
		s += c;
	unsigned short us = 65530;
	int wraps = 0;
	for (int t = 0; t < 10; t++) {
		us++;
		wraps += us == 0;
	}
	float f = 0;
	int cnt = 0;
	for (f = 0.5f; f < 3.0f; f += 0.25f)
		cnt++;
	return s + wraps + cnt + us + f;
}

double cont_do(const double *x, int n)
{
	double s = 0;
	int i = 0;
	do {
		i++;
		if (x[i - 1] < 0)
			continue;
		s += x[i - 1];
		if (s > 20)
			break;
	} while (i < n);
	for (int a = 0, b = 10; a < b; a += 2, b--) {
		if (a == 4)
			continue;
		s += a * b;
	}
	return s + i;
}

int ret_nested(const int *v, int n, int target)
{
	int i = 0;
	do {
		int j = 0;
		while (j < n) {
			while (v[j] > 100) {
				if (v[j] == target)
					return -j;
				j++;
				if (j >= n)
					return -1000;
			}
			if (v[i] + v[j] == target)
				return i * 100 + j;
			j++;
		}
		i++;
	} while (i < n);
	return -1;
}

double partial_assign(double a, int k)
{
	double r;
	double q = 1;
	if (k > 0) {
		r = a * 2;
		if (k > 1)
			q = r;
	} else {
		r = -a;
	}
	double t;
	if (k == 3)
		t = 5;
	if (k == 3)
		q += t;
	return r + q;
}

double ptr_select(double *x, double *y, int n, int which)
{
	double *p = which ? x : y;
	double *q;
	if (which > 1)
		q = x + 1;
	else
		q = y;
	for (int i = 0; i < n - 1; i++) {
		p[i] += q[i];
		if (p[i] > 5)
			p = q;
	}
	return p[0] + q[0];
}

double swaps(int n)
{
	double a = 1, b = 2, c = 3;
	for (int i = 0; i < n; i++) {
		double t = a;
		a = b;
		b = c;
		c = t + 0.5 * i;
	}
	int x = 1, y = 0;
	for (int i = 0; i < n; i++) {
		int t = x;
		x = y;
		y = t;
	}
	return a * 100 + b * 10 + c + x * 1000 + y * 10000;
}

double arrays_ret(const double *x, int n)
{
	double acc = 0;
	for (int i = 0; i < n; i++) {
		double buf[4];
		for (int k = 0; k < 4; k++)
			buf[k] = x[(i + k) % n] * (k + 1);
		if (buf[0] + buf[3] > 10)
			return acc + buf[1];
		double m[2][2] = {{buf[0], buf[1]}, {buf[2], buf[3]}};
		acc += m[0][0] * m[1][1] - m[0][1] * m[1][0];
	}
	return acc;
}

/* a value reused in both arms of a conditional and after it */
double reuse(double a, double b, int k)
{
	double t = a * b;
	double u = k > 0 ? t + t * t : t - 1;
	double v = k > 1 ? (t * 2) * (t * 2) : 0;
	double w;
	if (k > 2) {
		double z = a + b;
		w = z * z + z;
	} else {
		double z = a - b;
		w = z / (1 + z * z);
	}
	return u + v + w + t;
}
#endif

#ifdef TEST_MAIN
double inc_cond(const double *x, int n);
double size_down(const double *x, size_t n);
double cont_do(const double *x, int n);
int ret_nested(const int *v, int n, int target);
double partial_assign(double a, int k);
double ptr_select(double *x, double *y, int n, int which);
double swaps(int n);
double arrays_ret(const double *x, int n);
double reuse(double a, double b, int k);

int main(void)
{
	double x[8] = {0.5, -1.25, 3.0, 1e-3, 7.5, -2.0, 0.1, 9.0};
	for (int n = 1; n <= 8; n++)
		printf("n=%d %a %a %a %a\n", n, inc_cond(x, n), size_down(x, (size_t)n),
			cont_do(x, n), arrays_ret(x, n));
	printf("size_down0 %a\n", size_down(x, 0));
	int v[6] = {3, 150, 7, 200, 1, 4};
	int targets[6] = {10, 200, 8, 5, 150, 999};
	for (int t = 0; t < 6; t++)
		printf("ret_nested %d %d\n", ret_nested(v, 6, targets[t]), ret_nested(v + 3, 3, targets[t]));
	for (int k = -1; k <= 3; k++)
		printf("partial %a %a\n", k == 3 ? partial_assign(1.5, k) : 0.0, k != 3 ? partial_assign(-2.25, k) : 0.0);
	for (int w = 0; w <= 2; w++) {
		double a[5] = {1, 2, 3, 4, 5}, b[5] = {-1, 0.5, 2, 6, -3};
		double r = ptr_select(a, b, 5, w);
		printf("ptr_select %a %a %a %a %a %a\n", r, a[0], a[3], b[1], b[2], b[4]);
	}
	for (int n = 0; n < 5; n++)
		printf("swaps %a\n", swaps(n));
	for (int k = 0; k <= 3; k++)
		printf("reuse %a\n", reuse(1.5, -0.75, k));
	return 0;
}
#endif

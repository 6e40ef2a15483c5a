/* Re-emission of control flow: if/else chains, for with any step and
 * < <= > >= bounds, while, do-while, break, continue, return anywhere
 * (early returns in value and void functions, returns inside nested
 * loops), nested blocks, declarations with initialisers anywhere.
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

#ifndef MAIN_ONLY
/* every step and every comparison */
// CHECK-LABEL: double steps(const double *x, int n){{$}}
// CHECK: for (int i = 0; i < n; i += 2) {
// CHECK: for (int i = n - 1; i >= 0; i--) {
double steps(const double *x, int n)
{
	double s = 0;
	for (int i = 0; i < n; i += 2)
		s += x[i];
	for (int i = n - 1; i >= 0; i--)
		s = s * 0.5 + x[i];
	for (int i = 1; i <= n; i *= 2)
		s -= x[i - 1] * i;
	for (int i = n; i > 0; i -= 3)
		s += x[i - 1] / i;
	for (int i = 0, j = n - 1; i < j; i++, j--)
		s += x[i] * x[j];
	int k = 0;
	for (; k + 1 < n; k += 1)
		s += x[k + 1] - x[k];
	return s + k;
}

/* while and do-while, including a loop that runs zero times */
double whiles(const double *x, int n, double tol)
{
	double r = x[0];
	int it = 0;
	while (r > tol && it < n) {
		r = r * x[it] * 0.5;
		it++;
	}
	double p = 1;
	int j = 0;
	do {
		p *= 1.0 + x[j];
		j += 2;
	} while (j < n);
	do
		p -= 0.125;
	while (p > 100);
	return r + p + it * 1000 + j;
}

/* break and continue in nested loops */
double brk(const double *x, int n, int m)
{
	double s = 0;
	int cnt = 0;
	for (int i = 0; i < n; i++) {
		if (x[i] < 0)
			continue;
		for (int j = 0; j < m; j++) {
			if (j > i)
				break;
			if ((i + j) % 3 == 0)
				continue;
			s += x[i] * (j + 1);
			cnt++;
		}
		if (s > 50)
			break;
		s += 0.5;
	}
	int w = 0;
	while (1) {
		w++;
		if (w * w > n * 7)
			break;
		if (w % 2)
			continue;
		s -= w;
	}
	return s + cnt * 0.001 + w;
}

/* return anywhere */
double find(const double *x, int n, double v)
{
	if (n <= 0)
		return -1;
	for (int i = 0; i < n; i++) {
		for (int j = i; j < n; j++) {
			if (x[i] + x[j] == v)
				return i * 100 + j;
		}
		if (x[i] > 1e6)
			return -2;
	}
	double t = v * 2;
	if (t > 10) {
		double u = t - 10;
		if (u > 5)
			return u;
		t = u * u;
	}
	return t;
}

/* early returns in a void function */
void fill(double *out, int n, double v)
{
	if (!out)
		return;
	for (int i = 0; i < n; i++) {
		if (v < 0) {
			out[i] = -1;
			return;
		}
		out[i] = v;
		v -= 1.5;
	}
	if (n > 3)
		return;
	out[0] += 100;
}

/* if/else chains, nested blocks, declarations anywhere; t (two uses inside
 * one arm) once vanished when the if was printed as ?: */
// CHECK-LABEL: double blocks(double a, int k){{$}}
// CHECK: double t = a * (double)k;
double blocks(double a, int k)
{
	double r = 0;
	if (k == 0)
		r = a;
	else if (k == 1)
		r = -a;
	else if (k < 5) {
		double t = a * k;
		{
			double t2 = t + 1;
			r = t2 * t;
		}
	} else
		r = 7;
	{
		double r2 = r * 2;
		int k2 = k * 3;
		r = r2 - k2;
	}
	double late = r + 1;
	{
		double late2 = late * late;
		late = late2;
	}
	int z = k > 2 ? k - 2 : 2 - k;
	return late + z;
}

/* a loop whose every exit is a return */
int loopret(const int *v, int n)
{
	int i = 0;
	for (;;) {
		if (i >= n)
			return -1;
		if (v[i] == 0)
			return i;
		i += v[i] > 0 ? 1 : 2;
	}
}
#endif

#ifdef TEST_MAIN
double steps(const double *x, int n);
double whiles(const double *x, int n, double tol);
double brk(const double *x, int n, int m);
double find(const double *x, int n, double v);
void fill(double *out, int n, double v);
double blocks(double a, int k);
int loopret(const int *v, int n);

int main(void)
{
	double x[10] = {0.5, -1.25, 3.0, 1e-3, 7.5, -2.0, 0.1, 9.0, 2.5, -0.75};
	for (int n = 1; n <= 10; n++)
		printf("steps %d %a\n", n, steps(x, n));
	printf("whiles %a %a %a\n", whiles(x, 10, 0.01), whiles(x + 2, 1, 1e9),
		whiles(x + 4, 6, 0.5));
	for (int n = 0; n <= 10; n += 2)
		printf("brk %a %a\n", brk(x, n, 4), brk(x + 2, n / 2, 9));
	printf("find %a %a %a %a %a\n", find(x, 0, 1), find(x, 10, 6.0), find(x, 10, 100),
		find(x, 10, 12), find(x, 10, 3.5));
	double big[3] = {1, 2e7, 3};
	printf("find %a\n", find(big, 3, -5));
	double out[6] = {0};
	fill(out, 6, 4);
	for (int i = 0; i < 6; i++)
		printf("fill %a\n", out[i]);
	fill(out, 3, 1);
	fill(0, 3, 1);
	for (int i = 0; i < 6; i++)
		printf("fill %a\n", out[i]);
	for (int k = 0; k < 7; k++)
		printf("blocks %a\n", blocks(1.25, k));
	int v[6] = {1, -1, 3, 0, 2, 0};
	printf("loopret %d %d %d\n", loopret(v, 6), loopret(v, 3), loopret(v + 3, 3));
	return 0;
}
#endif

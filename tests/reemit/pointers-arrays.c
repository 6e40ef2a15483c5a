/* Re-emission of pointers and arrays: const/restrict pointers, typedefs,
 * fixed-size local arrays (1-D and 2-D), local arrays declared inside
 * branches and loops, sub-array addresses &x[i*d], pointer arithmetic
 * p + k*n, pointers reassigned in loops, several pointers aliasing one
 * block, pointers to pointers.
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

typedef double real;
typedef const real *cvec;
typedef int index_t;

#ifndef MAIN_ONLY
/* typedefs and restrict */
/* typedefs resolve; restrict is dropped by design (see tests/front) */
// CHECK-LABEL: void axpy(int n, double a, const double *x, double *y){{$}}
// CHECK: for (int i = 0; i < n; i++) {
// CHECK-NEXT: y[i] = a * x[i] + y[i];
void axpy(index_t n, real a, cvec restrict x, real *restrict y)
{
	for (index_t i = 0; i < n; i++)
		y[i] = a * x[i] + y[i];
}

/* sub-array addresses and pointer arithmetic on a row-major block */
// CHECK-LABEL: double rows(const double *x, int m, int d){{$}}
// CHECK: const double *row = x + i * d;
double rows(const double *x, int m, int d)
{
	double s = 0;
	for (int i = 0; i < m; i++) {
		const double *row = &x[i * d];
		const double *row2 = x + i * d;
		for (int j = 0; j < d; j++)
			s += row[j] * (j + 1) - row2[j] * 0.5;
		s += *(row + d - 1) + *row;
	}
	const double *last = &x[(m - 1) * d + 1];
	return s + last[-1] + last[0];
}

/* a pointer reassigned in a loop: walking, swapping two buffers */
// CHECK-LABEL: double walk(double *a, double *b, int n, int steps){{$}}
// CHECK: double *cur = a;
// CHECK-NEXT: for (int t = 0; t < steps; t++) {
// CHECK-NEXT: for (int i = 0; i < n; i++) {
double walk(double *a, double *b, int n, int steps)
{
	double *cur = a, *nxt = b;
	for (int t = 0; t < steps; t++) {
		for (int i = 0; i < n; i++) {
			double l = cur[i > 0 ? i - 1 : i];
			double r = cur[i < n - 1 ? i + 1 : i];
			nxt[i] = 0.25 * l + 0.5 * cur[i] + 0.25 * r + t * 0.01;
		}
		double *tmp = cur;
		cur = nxt;
		nxt = tmp;
	}
	double s = 0;
	for (double *p = cur; p < cur + n; p++)
		s = s * 0.5 + *p;
	const double *q = a;
	while (q != a + n) {
		s += *q++;
	}
	return s;
}

/* several pointers into one block, writes through one seen through another */
// CHECK-LABEL: double alias(double *x, int n){{$}}
double alias(double *x, int n)
{
	double *p = x, *q = x + 1, *r = &x[n - 1];
	p[1] = 2;
	double a = q[0];          /* 2 */
	*q = a * 3;
	double b = p[1];          /* 6 */
	r[0] = p[0] + q[0];
	q[n - 2] += 1;            /* same element as r[0] */
	double *s = r - 1;
	s[0] = *r * 2;
	return a + b + x[n - 1] + x[n - 2];
}

/* local arrays, 1-D and 2-D, declared at the top, in branches, in loops */
// CHECK-LABEL: double locals(const double *x, int n, int mode){{$}}
// CHECK: double a[4];
// CHECK: double m[3][3];
double locals(const double *x, int n, int mode)
{
	double a[4] = {1, 2, 3, 4};
	double m[3][3];
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++)
			m[i][j] = x[(i * 3 + j) % n] + (i == j);
	double s = 0;
	if (mode > 0) {
		double b[3];
		for (int i = 0; i < 3; i++)
			b[i] = m[i][0] * a[i];
		s += b[0] + b[1] * b[2];
	} else {
		double c[2][2] = {{1, 2}, {3, 4}};
		c[1][0] += m[2][2];
		s -= c[0][1] * c[1][0] + c[1][1];
	}
	for (int k = 0; k < 2; k++) {
		double t[3] = {0};
		t[k] = m[k][k + 1];
		t[2] = k;
		s += t[0] - t[1] + t[2];
	}
	double *pa = a;
	pa[3] = s;
	double (*pm)[3] = m;
	return s + a[3] + pm[1][2] + m[0][1] + a[0];
}

/* a 2-D local array passed to a function as a pointer to its rows */
static double trace3(double (*m)[3])
{
	return m[0][0] + m[1][1] + m[2][2];
}

double mat_local(double d)
{
	double m[3][3] = {{d, 1, 2}, {3, d * 2, 4}, {5, 6, d * 3}};
	double *flat = &m[0][0];
	flat[4] += 1;
	return trace3(m) + flat[8] + *(&m[1][0] + 2);
}

/* pointers to pointers */
double ptrptr(double **rows, int m, int n)
{
	double s = 0;
	for (int i = 0; i < m; i++) {
		double *r = rows[i];
		for (int j = 0; j < n; j++)
			s += r[j] * (i + 1);
		rows[i][0] = s;
	}
	double **pr = rows + m - 1;
	return s + (*pr)[n - 1];
}

/* unsigned and long indices, negative offsets */
double offsets(const double *x, unsigned u, long l, int k)
{
	const double *mid = x + 4;
	return mid[-2] + mid[k] + x[u] + x[l] + *(mid - k) + mid[u - 1u];
}
#endif

#ifdef TEST_MAIN
void axpy(index_t n, real a, cvec restrict x, real *restrict y);
double rows(const double *x, int m, int d);
double walk(double *a, double *b, int n, int steps);
double alias(double *x, int n);
double locals(const double *x, int n, int mode);
double mat_local(double d);
double ptrptr(double **rows, int m, int n);
double offsets(const double *x, unsigned u, long l, int k);

static void pr(const char *s, const double *x, int n)
{
	printf("%s", s);
	for (int i = 0; i < n; i++)
		printf(" %a", x[i]);
	printf("\n");
}

int main(void)
{
	const double x0[12] = {0.5, -1.25, 3.0, 1e-3, 7.5, -2.0, 0.1, 9.0, 2.5, -0.75, 1.0 / 3, 11};
	double y[12];
	for (int i = 0; i < 12; i++)
		y[i] = 12 - i * 1.5;
	axpy(12, 0.3, x0, y);
	pr("axpy", y, 12);
	printf("rows %a %a %a\n", rows(x0, 3, 4), rows(x0, 4, 3), rows(x0, 1, 12));
	for (int steps = 0; steps < 4; steps++) {
		double a[7], b[7];
		for (int i = 0; i < 7; i++)
			a[i] = x0[i], b[i] = -1;
		printf("walk %a\n", walk(a, b, 7, steps));
		pr("  a", a, 7);
		pr("  b", b, 7);
	}
	for (int n = 2; n <= 5; n++) {
		double x[5] = {1, 1, 1, 1, 1};
		printf("alias %a\n", alias(x, n));
		pr("  x", x, 5);
	}
	for (int n = 1; n <= 12; n += 5)
		printf("locals %a %a\n", locals(x0, n, 1), locals(x0 + 1, n, -1));
	printf("mat_local %a %a\n", mat_local(0.5), mat_local(-3));
	double r0[3] = {1, 2, 3}, r1[3] = {4, 5, 6}, r2[3] = {0.5, 0.25, 0.125};
	double *rws[3] = {r0, r1, r2};
	printf("ptrptr %a\n", ptrptr(rws, 3, 3));
	pr("  r0", r0, 3);
	pr("  r2", r2, 3);
	printf("offsets %a %a\n", offsets(x0, 3, 7, 2), offsets(x0, 6, 0, -4));
	return 0;
}
#endif

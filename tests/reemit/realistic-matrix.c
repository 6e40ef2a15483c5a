/* Re-emission of a realistic file: struct-heavy matrix code — a Matrix
 * struct holding dimensions and a malloc'd block, constructors returning
 * pointers to fresh structs, products, transposes, a Cholesky factorisation
 * with early exit, a triangular solve, a fixed-size 3x3 struct by value.
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

typedef struct { int rows, cols; double *data; } Matrix;
typedef struct { double m[3][3]; } Mat3;
typedef struct { Matrix *a, *b; double alpha; } Pair;

#ifndef MAIN_ONLY
// CHECK-LABEL: Matrix *mat_new(int rows, int cols){{$}}
// CHECK: M->data = (double *)
Matrix *mat_new(int rows, int cols)
{
	Matrix *M = malloc(sizeof *M);
	M->rows = rows;
	M->cols = cols;
	M->data = calloc((size_t)(rows * cols), sizeof(double));
	return M;
}

void mat_free(Matrix *M)
{
	free(M->data);
	free(M);
}

static double get(const Matrix *M, int i, int j) { return M->data[i * M->cols + j]; }
static void set(Matrix *M, int i, int j, double v) { M->data[i * M->cols + j] = v; }

Matrix *mat_mul(const Matrix *A, const Matrix *B)
{
	Matrix *C = mat_new(A->rows, B->cols);
	for (int i = 0; i < A->rows; i++)
		for (int j = 0; j < B->cols; j++) {
			double s = 0;
			for (int k = 0; k < A->cols; k++)
				s += get(A, i, k) * B->data[k * B->cols + j];
			set(C, i, j, s);
		}
	return C;
}

Matrix *mat_transpose(const Matrix *A)
{
	Matrix *T = mat_new(A->cols, A->rows);
	double *out = T->data;
	for (int j = 0; j < A->cols; j++)
		for (int i = 0; i < A->rows; i++)
			*out++ = A->data[i * A->cols + j];
	return T;
}

/* in place; returns the index of the first non-positive pivot, or -1 */
// CHECK-LABEL: int cholesky(Matrix *A){{$}}
// CHECK: while (!done && j < n) {
// CHECK: a[j * n + j] = d;
int cholesky(Matrix *A)
{
	int n = A->rows;
	double *a = A->data;
	for (int j = 0; j < n; j++) {
		double d = a[j * n + j];
		for (int k = 0; k < j; k++)
			d -= a[j * n + k] * a[j * n + k];
		if (d <= 0)
			return j;
		d = sqrt(d);
		a[j * n + j] = d;
		for (int i = j + 1; i < n; i++) {
			double s = a[i * n + j];
			for (int k = 0; k < j; k++)
				s -= a[i * n + k] * a[j * n + k];
			a[i * n + j] = s / d;
		}
		for (int k = j + 1; k < n; k++)
			a[j * n + k] = 0;
	}
	return -1;
}

/* solves L y = b then L^T x = y, x overwriting b */
void chol_solve(const Matrix *L, double *b)
{
	int n = L->rows;
	for (int i = 0; i < n; i++) {
		double s = b[i];
		for (int k = 0; k < i; k++)
			s -= get(L, i, k) * b[k];
		b[i] = s / get(L, i, i);
	}
	for (int i = n - 1; i >= 0; i--) {
		double s = b[i];
		for (int k = i + 1; k < n; k++)
			s -= get(L, k, i) * b[k];
		b[i] = s / get(L, i, i);
	}
}

/* fixed-size struct by value, 2-D member array */
Mat3 mat3_mul(Mat3 A, Mat3 B)
{
	Mat3 C;
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++) {
			C.m[i][j] = 0;
			for (int k = 0; k < 3; k++)
				C.m[i][j] += A.m[i][k] * B.m[k][j];
		}
	return C;
}

double mat3_det(const Mat3 *A)
{
	const double (*m)[3] = A->m;
	return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
		m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
		m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
}

/* a struct of struct pointers */
double pair_frob(const Pair *p)
{
	double s = 0;
	for (int i = 0; i < p->a->rows * p->a->cols; i++)
		s += p->a->data[i] * p->b->data[i] * p->alpha;
	return s;
}

/* the whole pipeline: A^T A + I, factor, solve */
double normal_solve(const double *a, int m, int n, double *rhs)
{
	Matrix *A = mat_new(m, n);
	for (int i = 0; i < m * n; i++)
		A->data[i] = a[i];
	Matrix *At = mat_transpose(A);
	Matrix *N = mat_mul(At, A);
	for (int i = 0; i < n; i++)
		N->data[i * n + i] += 1;
	Pair pr = {N, N, 0.5};
	double f = pair_frob(&pr);
	int bad = cholesky(N);
	if (bad < 0)
		chol_solve(N, rhs);
	mat_free(A);
	mat_free(At);
	mat_free(N);
	return f + bad;
}
#endif

#ifdef TEST_MAIN
Matrix *mat_new(int rows, int cols);
void mat_free(Matrix *M);
Matrix *mat_mul(const Matrix *A, const Matrix *B);
Matrix *mat_transpose(const Matrix *A);
int cholesky(Matrix *A);
void chol_solve(const Matrix *L, double *b);
Mat3 mat3_mul(Mat3 A, Mat3 B);
double mat3_det(const Mat3 *A);
double normal_solve(const double *a, int m, int n, double *rhs);

int main(void)
{
	double a[12] = {1, 2, 0.5, -1, 3, 0.25, 2, -2, 1.5, 0.75, 1, -0.5};
	for (int n = 1; n <= 3; n++) {
		double rhs[3] = {1, -2, 0.5};
		double f = normal_solve(a, 4, n, rhs);
		printf("normal_solve %d %a %a %a %a\n", n, f, rhs[0], rhs[1], rhs[2]);
	}
	Matrix *S = mat_new(2, 2);
	S->data[0] = 1;
	S->data[1] = 2;
	S->data[2] = 2;
	S->data[3] = 1;      /* indefinite */
	printf("cholesky %d %a %a\n", cholesky(S), S->data[0], S->data[2]);
	mat_free(S);
	Mat3 A = {{{1, 2, 3}, {0, 1, 4}, {5, 6, 0}}}, B = {{{0.5, 0, 1}, {1, 0.25, 0}, {2, 1, -1}}};
	Mat3 C = mat3_mul(A, B);
	for (int i = 0; i < 3; i++)
		printf("mat3 %a %a %a\n", C.m[i][0], C.m[i][1], C.m[i][2]);
	printf("det %a %a\n", mat3_det(&C), mat3_det(&A));
	return 0;
}
#endif

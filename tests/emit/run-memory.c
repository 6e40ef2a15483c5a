/* Identity transform of memory: structs (tagged, typedef'd, self-referential),
 * arrays of structs, 2-D arrays, local arrays and structs, globals with
 * nested initialisers, pointer arithmetic.
 * RUN: %adcc %s -o %t.c
 * RUN: FileCheck %s < %t.c
 * RUN: %clang -c %t.c -o %t.o
 * RUN: %cc -ffp-contract=off -DTEST_MAIN %s -o %t.ref -lm
 * RUN: %cc -ffp-contract=off -DTEST_MAIN -DMAIN_ONLY %s %t.c -o %t.gen -lm
 * RUN: %t.ref > %t.ref.out && %t.gen > %t.gen.out && diff %t.ref.out %t.gen.out
 */
#include <stdio.h>

// CHECK: struct P {
// CHECK-NEXT: double x;
// CHECK-NEXT: double y;
// CHECK-NEXT: double a[3];
// CHECK-NEXT: };
struct P { double x, y; double a[3]; };
// CHECK: typedef struct {
// CHECK-NEXT: double v[2];
// CHECK-NEXT: int n;
// CHECK-NEXT: } Vec;
typedef struct { double v[2]; int n; } Vec;
// CHECK: typedef struct Node {
// CHECK-NEXT: struct Node *next;
// CHECK-NEXT: double w;
// CHECK-NEXT: } Node;
typedef struct Node { struct Node *next; double w; } Node;

#ifndef MAIN_ONLY
// CHECK: static const double tab[4] = {1.0, 0.5, 0.25, 1e-300};
static const double tab[4] = {1.0, 0.5, 0.25, 1e-300};
// CHECK: struct P pts[2] = {{[{][{]}}1.0, 2.0, {3.0, 4.0, 5.0}}, {6.0, 7.0, {8.0, 9.0, 10.0}}};
struct P pts[2] = {{1, 2, {3, 4, 5}}, {6, 7, {8, 9, 10}}};
double grid[2][3] = {{1, 2, 3}, {4, 5, 6}};
int counter = 7;

// CHECK-LABEL: double structs(struct P *p, Vec *v){{$}}
// CHECK: struct P q;
// CHECK-NEXT: q.x = p->x + p->a[1];
// CHECK-NEXT: q.y = p->y * v->v[0];
// CHECK-NEXT: double loc[3];
// CHECK-NEXT: for (int i = 0; i < 3; i++) {
// CHECK-NEXT: loc[i] = p->a[i] * (double)v->n;
// CHECK-NEXT: }
double structs(struct P *p, Vec *v)
{
	struct P q;
	q.x = p->x + p->a[1];
	q.y = p->y * v->v[0];
	double loc[3];
	for (int i = 0; i < 3; i++)
		loc[i] = p->a[i] * (double)v->n;
	return q.x + q.y + loc[0] + loc[2];
}

double globals(int i)
{
	double s = grid[1][i] * tab[i] + pts[1].a[i];
	return s + counter;
}

double list(Node *n)
{
	double s = 0;
	while (n) {
		s = s * 0.5 + n->w;
		n = n->next;
	}
	return s;
}

void scale(double *x, int n, double f)
{
	double *end = x + n;
	for (double *p = x; p < end; p++)
		*p *= f;
}

double local2d(int n)
{
	double m[3][4];
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 4; j++)
			m[i][j] = i * 10 + j + n;
	return m[2][3] + m[1][2] + m[0][1];
}

void swapv(Vec *a, Vec *b)
{
	Vec t = *a;
	*a = *b;
	*b = t;
}
#endif

#ifdef TEST_MAIN
double structs(struct P *p, Vec *v);
double globals(int i);
double list(Node *n);
void scale(double *x, int n, double f);
double local2d(int n);
void swapv(Vec *a, Vec *b);

int main(void)
{
	struct P p = {1.5, 2.5, {0.1, 0.2, 0.3}};
	Vec v = {{2.0, 3.0}, 4}, w = {{-1.0, 0.125}, 9};
	Node n3 = {0, 0.75}, n2 = {&n3, -1.5}, n1 = {&n2, 3.0};
	double x[5] = {1, 2, 3, 4.5, 1e-7};
	printf("%a\n", structs(&p, &v));
	printf("%a %a\n", globals(0), globals(2));
	printf("%a %a\n", list(&n1), list(0));
	scale(x, 5, 0.3);
	for (int i = 0; i < 5; i++)
		printf("%a ", x[i]);
	printf("\n%a\n", local2d(3));
	swapv(&v, &w);
	printf("%a %a %d %a %a %d\n", v.v[0], v.v[1], v.n, w.v[0], w.v[1], w.n);
	return 0;
}
#endif

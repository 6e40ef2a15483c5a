// Reverse mode copies adjoints of double and float data only.
// RUN: not %adcc %s --reverse 'f:x[n]->return' 2>&1 | FileCheck %s
#include <string.h>
typedef struct { int k; double v; } Item;
double f(Item *x, int n)
{
	Item y[4];
// CHECK: rev-memcpy-int.c:[[@LINE+1]]:2: error: reverse mode supports memcpy only on arrays of double or float (or structs of them); copy element by element
	memcpy(y, x, sizeof(Item) * 4);
	return y[0].v * y[1].v + 0 * n;
}

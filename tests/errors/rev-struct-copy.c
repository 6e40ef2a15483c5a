// Reverse mode refuses whole-struct copies into memory with derivatives.
// RUN: not %adcc %s --reverse 'f:p->return' 2>&1 | FileCheck %s
typedef struct { double a, b; } P;
double f(P *p)
{
	P q[2];
	q[0].a = p->a;
	q[0].b = p->b;
// CHECK: rev-struct-copy.c:[[@LINE+1]]:9: error: reverse mode does not yet support copying whole structs out of memory with derivatives; read the members one by one
	q[1] = q[0];
	return q[1].a * q[1].b;
}

// Reverse mode refuses a call of a function that returns a pointer to data
// with derivatives (forward mode accepts it): a located error naming a way out.
// RUN: not %adcc %s --reverse 'use_vec:x,y->return' 2>&1 | FileCheck %s
#include <stdlib.h>

typedef struct {
	double x, y;
} Vec2;

static Vec2 *make_vec(double x, double y)
{
	Vec2 *v = malloc(sizeof *v);
	v->x = x * y;
	v->y = x - y;
	return v;
}

double use_vec(double x, double y)
{
	// CHECK: rev-pointer-return-alloc.c:[[@LINE+1]]:12: error: reverse mode does not support yet functions returning pointers to data with derivatives ('make_vec'); pass the pointer as a parameter instead
	Vec2 *v = make_vec(x, y);
	double r = v->x * v->y;
	free(v);
	return r;
}

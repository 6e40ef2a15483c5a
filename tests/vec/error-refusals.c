// Refusals of vector mode (scalar forward mode handles all of these), each
// a located error naming --forward as the way out.
/*
RUN: not %adcc %s --vector 'neuron:l,x->return' 2>&1 | FileCheck %s --check-prefix=PTR
RUN: not %adcc %s --vector 'pick:a,b->return' 2>&1 | FileCheck %s --check-prefix=PTRARR
RUN: not %adcc %s --vector 'mixed:m->return' 2>&1 | FileCheck %s --check-prefix=MIXED
RUN: not %adcc %s --vector 'clear:s->s' 2>&1 | FileCheck %s --check-prefix=MEMSET
RUN: %adcc %s --forward 'neuron:l,x->return' --forward 'pick:a,b->return' \
RUN:   --forward 'mixed:m->return' --forward 'clear:s->s' -o %t.c
*/
#include <string.h>
typedef struct { int n; double *w; double bias; } Layer;
typedef struct { float f; double d; } Mixed;
typedef struct { int tag; double v; } Sample;

// a struct holding a pointer to data with derivatives
double neuron(const Layer *l, const double *x)
{
	double s = l->bias;
	for (int i = 0; i < l->n; i++)
		// PTR: error-refusals.c:[[@LINE+1]]:11: error: vector mode does not support pointers held in memory with derivatives yet; use --forward (one direction per call) for 'neuron'
		s += l->w[i] * x[i];
	return s;
}

// a local array of pointers to data with derivatives
double pick(const double *a, const double *b, int c)
{
	const double *ps[2];
	// PTRARR: error-refusals.c:[[@LINE+1]]:2: error: vector mode does not support pointers held in memory with derivatives yet; use --forward (one direction per call) for 'pick'
	ps[0] = a;
	ps[1] = b;
	return ps[c][0] * 2;
}

// one struct with float and double members
// MIXED: error-refusals.c:[[@LINE+1]]:8: error: vector mode does not support structs mixing float and double members yet; use --forward (one direction per call) for 'mixed'
double mixed(const Mixed *m)
{
	return m->f * m->d;
}

// byte counts of structs that are not all doubles do not scale by nd
void clear(Sample *s, int n)
{
	// MEMSET: error-refusals.c:[[@LINE+1]]:2: error: vector mode does not support memset, memcpy or memmove of structs with members that are not floating point yet; use --forward (one direction per call) for 'clear'
	memset(s, 0, n * sizeof *s);
	s[0].v = 1;
}


// Annotations in C that do not fit their function: reported at the
// function's name, exit status 1.  SPEC is set with -D for each case.
// RUN: bash %S/exits.sh 1 %adcc -I %S/../../runtime -D 'SPEC="x[n] w"' %s 2>&1 | FileCheck %s --check-prefix=SYNTAX
// SYNTAX: annot-errors.c:[[#@LINE+40]]:5: error: annotation "adcc: reverse x[n] w": column 20: expected ',', '->' or the end of the annotation after ']', found 'w'
// SYNTAX-NEXT: {{^}}    adcc: reverse x[n] w{{$}}
// SYNTAX-NEXT: {{^}}                       ^{{$}}
// RUN: bash %S/exits.sh 1 %adcc -I %S/../../runtime -D 'SPEC="q"' %s 2>&1 | FileCheck %s --check-prefix=PARAM
// PARAM: annot-errors.c:[[#@LINE+36]]:5: error: annotation "adcc: reverse q": 'f' has no parameter 'q' (its parameters: x, w, y, n)
// RUN: bash %S/exits.sh 1 %adcc -I %S/../../runtime -D 'SPEC="x[n], n"' %s 2>&1 | FileCheck %s --check-prefix=INT
// INT: annot-errors.c:[[#@LINE+34]]:5: error: annotation "adcc: reverse x[n], n": parameter 'n' of 'f' is an integer (int): it cannot be active; integers carry no derivatives (remove 'n' from the inputs)
// RUN: bash %S/exits.sh 1 %adcc -I %S/../../runtime -D 'SPEC="-> x"' %s 2>&1 | FileCheck %s --check-prefix=CONST
// CONST: annot-errors.c:[[#@LINE+32]]:5: error: annotation "adcc: reverse -> x": parameter 'x' of 'f' points to const (const double *): 'f' cannot write through it, so it cannot be an output (remove 'x' from the outputs)
// RUN: bash %S/exits.sh 1 %adcc -I %S/../../runtime -D 'SPEC="w -> scratch"' -D WITH_SCRATCH %s 2>&1 | FileCheck %s --check-prefix=UNWRITTEN
// UNWRITTEN: annot-errors.c:[[#@LINE+30]]:5: error: annotation "adcc: reverse w -> scratch": output 'scratch' is never written: 'f' neither stores through 'scratch' nor passes it to a function that might, so its derivative would always be zero (remove 'scratch' from the outputs)
// RUN: bash %S/exits.sh 1 %adcc -I %S/../../runtime -D 'SPEC="x[m]"' %s 2>&1 | FileCheck %s --check-prefix=EXTENT
// EXTENT: annot-errors.c:[[#@LINE+28]]:5: error: annotation "adcc: reverse x[m]": the extent of 'x' uses 'm', which is not a parameter of 'f'; an extent may use only the integer parameters of 'f': n
// RUN: bash %S/exits.sh 1 %adcc -I %S/../../runtime -D 'SPEC="x[w]"' %s 2>&1 | FileCheck %s --check-prefix=EXTENT-FLOAT
// EXTENT-FLOAT: annot-errors.c:[[#@LINE+26]]:5: error: annotation "adcc: reverse x[w]": the extent of 'x' uses 'w', a parameter of type double; an extent may use only the integer parameters of 'f': n
// RUN: bash %S/exits.sh 1 %adcc -I %S/../../runtime -D 'SPEC="w[n]"' %s 2>&1 | FileCheck %s --check-prefix=SCALAR-EXT
// SCALAR-EXT: annot-errors.c:[[#@LINE+24]]:5: error: annotation "adcc: reverse w[n]": parameter 'w' of 'f' is a scalar (double): it takes no extent; write 'w', not 'w[n]'
// RUN: bash %S/exits.sh 1 %adcc -I %S/../../runtime -D 'SPEC="-> w"' %s 2>&1 | FileCheck %s --check-prefix=BYVAL
// BYVAL: annot-errors.c:[[#@LINE+22]]:5: error: annotation "adcc: reverse -> w": parameter 'w' of 'f' is passed by value (double): 'f' cannot change it for its caller, so it cannot be an output; return it, or pass it by pointer ('double *w')
// RUN: bash %S/exits.sh 1 %adcc -I %S/../../runtime -D 'SPEC="x -> return"' -D VOID %s 2>&1 | FileCheck %s --check-prefix=RET-VOID
// RET-VOID: annot-errors.c:[[#@LINE+20]]:5: error: annotation "adcc: reverse x -> return": 'f' returns void: 'return' cannot be an output; list the pointer parameters it writes instead
// RUN: bash %S/exits.sh 1 %adcc -I %S/../../runtime -D 'SPEC="idx"' -D WITH_IDX %s 2>&1 | FileCheck %s --check-prefix=INTPTR
// INTPTR: annot-errors.c:[[#@LINE+18]]:5: error: annotation "adcc: reverse idx": parameter 'idx' of 'f' points to integers (const int *): it cannot be active; integers carry no derivatives (remove 'idx' from the inputs)

#include "adcc.h"

#ifdef WITH_SCRATCH
#define EXTRA , double *scratch
#elif defined WITH_IDX
#define EXTRA , const int *idx
#else
#define EXTRA
#endif
#ifdef VOID
#define RET void
#else
#define RET double
#endif

ADCC_REVERSE(SPEC)
RET f(const double *x, double w, double *y, int n EXTRA)
{
	double s = 0;
	for (int i = 0; i < n; i++) {
		y[i] = w * x[i];
		s += y[i];
	}
#ifndef VOID
	return s;
#endif
}

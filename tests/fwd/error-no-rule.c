// A call to an external function without a derivative rule on active data
// is an error at the call (never a silent zero), exit status 1; the same
// call on inactive data is fine.
// RUN: %adcc %s --forward 'f:x->return' -o %t.d.c 2> %t.err; test $? -eq 1
// RUN: FileCheck %s < %t.err
// RUN: test ! -s %t.d.c
// RUN: %adcc %s --forward 'g:x->return' -o %t.g.c
// RUN: %cc -c %t.g.c -o %t.o

double foo(double);

double f(double x, double w)
{
	double y = x * w;
	// CHECK: error-no-rule.c:[[@LINE+1]]:9: error: cannot differentiate the call to 'foo': it has no derivative rule and no source in this file; give its definition, or keep its arguments inactive
	return foo(y) + 1;
}

double g(double x, double w)
{
	return x * foo(w);
}

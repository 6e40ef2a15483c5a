/* diag.c — diagnostics in the gcc/clang format, and checked allocation.
 *
 * User errors:     file:line:col: error: message        (exit status 1)
 * Internal errors: adcc: internal error at src.c:123: … (abort)
 */
#include <stdarg.h>
#include <stdlib.h>
#include "adcc.h"

int diag_errors;

static void vsay(const char *file, Loc loc, const char *kind,
	const char *fmt, va_list ap)
{
	fflush(stdout);
	if (!file)
		fprintf(stderr, "adcc: ");
	else if (loc.line > 0)
		fprintf(stderr, "%s:%d:%d: ", file, loc.line, loc.col);
	else
		fprintf(stderr, "%s: ", file);
	fprintf(stderr, "%s: ", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void diag_fatal(const char *file, Loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(file, loc, "error", fmt, ap);
	va_end(ap);
	exit(1);
}

void diag_error(const char *file, Loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(file, loc, "error", fmt, ap);
	va_end(ap);
	diag_errors++;
}

void diag_warn(const char *file, Loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(file, loc, "warning", fmt, ap);
	va_end(ap);
}

void diag_internal(const char *srcfile, int srcline, const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fprintf(stderr, "adcc: internal error at %s:%d: ", srcfile, srcline);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);
	if (!p) {
		fprintf(stderr, "adcc: out of memory\n");
		exit(3);
	}
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fprintf(stderr, "adcc: out of memory\n");
		exit(3);
	}
	return p;
}

/* adcc.h — derivative requests written in the source.
 *
 * Put one of these before a function definition to ask adcc for its
 * derivative, exactly as the command-line options would (docs/requests.md):
 *
 *     #include "adcc.h"
 *     ADCC_REVERSE("x[n], w -> return")
 *     double loss(const double *x, double w, int n) { … }
 *
 * The argument is a string literal: the inputs, then '->' and the outputs,
 * each list optional ("" or nothing: the defaults).  It is the command-line
 * SPEC without the leading "FUNC:".  Each macro expands to
 * __attribute__((annotate("adcc: MODE SPEC"))), which adcc reads through
 * libclang.  Other compilers do not need the request, so for them (anything
 * that is not clang) the macros expand to nothing and the file compiles as
 * plain C.
 */
#ifndef ADCC_ANNOTATIONS_H
#define ADCC_ANNOTATIONS_H

#if defined(__clang__)
#define ADCC_REQUEST_(mode, spec) __attribute__((annotate("adcc: " mode " " spec)))
#else
#define ADCC_REQUEST_(mode, spec)
#endif

/* tangent mode: F_d */
#define ADCC_FORWARD(spec)  ADCC_REQUEST_("forward", spec)
/* adjoint mode: F_b, and F_grad for a scalar F */
#define ADCC_REVERSE(spec)  ADCC_REQUEST_("reverse", spec)
/* vector tangent mode: F_dv */
#define ADCC_VECTOR(spec)   ADCC_REQUEST_("vector", spec)
/* Hessian-vector product: F_hvp */
#define ADCC_HVP(spec)      ADCC_REQUEST_("hvp", spec)
/* dense Jacobian: F_jac */
#define ADCC_JACOBIAN(spec) ADCC_REQUEST_("jacobian", spec)

#endif

/* ops.h — the table of IR operations (X-macro).
 *
 * Each row: OP(id, name, nargs, nregions, flags)
 *   nargs    fixed operand count, or -1 for "variadic" (see adcc.h / docs/ir.md)
 *   nregions nested regions the instruction owns
 *   flags    F_PURE  no side effect, no memory read: may be moved or removed
 *            F_TERM  ends a region
 *            F_CMP   comparison: result is i1, suffix in text is omitted
 *            F_MEM   reads memory (load) — pure otherwise
 *            F_BIN   binary arithmetic on its result type
 * The text form prints `name` (with `.type` for ops whose result type is not
 * implied, see ir_typed_suffix in print.c).
 */
/*  id          name       nargs nreg flags */
OP(O_CONST,    "const",     0,   0, F_PURE)
OP(O_UNDEF,    "undef",     0,   0, F_PURE)
OP(O_SIZEOF,   "sizeof",    0,   0, F_PURE)
OP(O_GLOBAL,   "global",    0,   0, F_PURE)
OP(O_ADD,      "add",       2,   0, F_PURE | F_BIN)
OP(O_SUB,      "sub",       2,   0, F_PURE | F_BIN)
OP(O_MUL,      "mul",       2,   0, F_PURE | F_BIN)
OP(O_DIV,      "div",       2,   0, F_PURE | F_BIN)
OP(O_REM,      "rem",       2,   0, F_PURE | F_BIN)
OP(O_NEG,      "neg",       1,   0, F_PURE)
OP(O_AND,      "and",       2,   0, F_PURE | F_BIN)
OP(O_OR,       "or",        2,   0, F_PURE | F_BIN)
OP(O_XOR,      "xor",       2,   0, F_PURE | F_BIN)
OP(O_SHL,      "shl",       2,   0, F_PURE | F_BIN)
OP(O_SHR,      "shr",       2,   0, F_PURE | F_BIN)
OP(O_NOT,      "not",       1,   0, F_PURE)
OP(O_EQ,       "eq",        2,   0, F_PURE | F_CMP)
OP(O_NE,       "ne",        2,   0, F_PURE | F_CMP)
OP(O_LT,       "lt",        2,   0, F_PURE | F_CMP)
OP(O_LE,       "le",        2,   0, F_PURE | F_CMP)
OP(O_GT,       "gt",        2,   0, F_PURE | F_CMP)
OP(O_GE,       "ge",        2,   0, F_PURE | F_CMP)
OP(O_SELECT,   "select",    3,   0, F_PURE)
OP(O_CAST,     "cast",      1,   0, F_PURE)
OP(O_CALL,     "call",     -1,   0, 0)
OP(O_ALLOCA,   "alloca",   -1,   0, 0)
OP(O_ADDR,     "addr",     -1,   0, F_PURE)
OP(O_FIELD,    "field",     1,   0, F_PURE)
OP(O_LOAD,     "load",     -1,   0, F_MEM)
OP(O_STORE,    "store",    -1,   0, 0)
OP(O_IF,       "if",        1,   2, 0)
OP(O_FOR,      "for",      -1,   1, 0)
OP(O_WHILE,    "while",    -1,   2, 0)
OP(O_DOWHILE,  "dowhile",  -1,   2, 0)
OP(O_YIELD,    "yield",    -1,   0, F_TERM)
OP(O_COND,     "cond",     -1,   0, F_TERM)
OP(O_RET,      "ret",      -1,   0, F_TERM)

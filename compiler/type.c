/* type.c — IR types, interned so that equal types are the same pointer.
 *
 * Basic types are static; pointer, array and struct types are made once and
 * kept for the whole run in a small list (programs have few distinct types).
 */
#include <string.h>
#include "adcc.h"

static Type basics[T_F64 + 1] = {
	[T_VOID] = {T_VOID, 0, 0, 0}, [T_I1] = {T_I1, 0, 0, 0},
	[T_I8] = {T_I8, 0, 0, 0}, [T_I16] = {T_I16, 0, 0, 0},
	[T_I32] = {T_I32, 0, 0, 0}, [T_I64] = {T_I64, 0, 0, 0},
	[T_U8] = {T_U8, 0, 0, 0}, [T_U16] = {T_U16, 0, 0, 0},
	[T_U32] = {T_U32, 0, 0, 0}, [T_U64] = {T_U64, 0, 0, 0},
	[T_F32] = {T_F32, 0, 0, 0}, [T_F64] = {T_F64, 0, 0, 0},
};

/* name and size, indexed by TypeKind up to T_F64 */
static const struct { const char *name; int size; } basic_info[] = {
	{"void", 1}, {"i1", 1}, {"i8", 1}, {"i16", 2}, {"i32", 4}, {"i64", 8},
	{"u8", 1}, {"u16", 2}, {"u32", 4}, {"u64", 8}, {"f32", 4}, {"f64", 8},
};

typedef struct Made Made;
struct Made {
	Type t;
	Made *next;
};
static Made *made;

Type *ty_basic(TypeKind k)
{
	if (k > T_F64)
		ICE("ty_basic(%d)", k);
	return &basics[k];
}

static Type *intern(TypeKind k, Type *elem, long n, Struct *st)
{
	for (Made *m = made; m; m = m->next)
		if (m->t.kind == k && m->t.elem == elem && m->t.n == n && m->t.st == st)
			return &m->t;
	Made *m = xmalloc(sizeof *m);
	m->t = (Type){k, elem, n, st};
	m->next = made;
	made = m;
	return &m->t;
}

Type *ty_ptr(Type *elem) { return intern(T_PTR, elem, 0, NULL); }
Type *ty_arr(Type *elem, long n) { return intern(T_ARR, elem, n, NULL); }
Type *ty_struct(Struct *st) { return intern(T_STRUCT, NULL, 0, st); }

int ty_isfloat(Type *t) { return t && (t->kind == T_F32 || t->kind == T_F64); }
int ty_isint(Type *t) { return t && t->kind >= T_I1 && t->kind <= T_U64; }
int ty_issigned(Type *t) { return t && t->kind >= T_I8 && t->kind <= T_I64; }
int ty_isscalar(Type *t) { return ty_isint(t) || ty_isfloat(t) || (t && t->kind == T_PTR); }
Type *ty_decay(Type *t) { return t->kind == T_ARR ? t->elem : t; }

const char *ty_basename(TypeKind k)
{
	return k <= T_F64 ? basic_info[k].name : "?";
}

static long align_of(Type *t)
{
	switch (t->kind) {
	case T_ARR:
		return align_of(t->elem);
	case T_STRUCT: {
		long a = 1;
		for (int i = 0; i < t->st->nf; i++) {
			long fa = align_of(t->st->f[i].type);
			if (fa > a)
				a = fa;
		}
		return a;
	}
	case T_PTR:
		return 8;
	default:
		return basic_info[t->kind].size;
	}
}

long ty_size(Type *t)
{
	switch (t->kind) {
	case T_ARR:
		return t->n * ty_size(t->elem);
	case T_PTR:
		return 8;
	case T_STRUCT: {
		long off = 0, a = align_of(t);
		for (int i = 0; i < t->st->nf; i++) {
			long fa = align_of(t->st->f[i].type);
			off = (off + fa - 1) / fa * fa + ty_size(t->st->f[i].type);
		}
		return (off + a - 1) / a * a;
	}
	default:
		return basic_info[t->kind].size;
	}
}

const char *ty_irname(Struct *st)
{
	return st->tdname ? st->tdname : st->tag;
}

char *ty_str(Arena *a, Type *t)
{
	switch (t->kind) {
	case T_PTR:
		return arena_printf(a, "ptr<%s>", ty_str(a, t->elem));
	case T_ARR:
		return arena_printf(a, "[%ld x %s]", t->n, ty_str(a, t->elem));
	case T_STRUCT:
		return arena_printf(a, "$%s", ty_irname(t->st));
	default:
		return (char *)ty_basename(t->kind);
	}
}

int ty_field(Struct *st, const char *name)
{
	for (int i = 0; i < st->nf; i++)
		if (!strcmp(st->f[i].name, name))
			return i;
	return -1;
}

Struct *ty_findstruct(Module *m, const char *irname)
{
	for (Struct *s = m->structs; s; s = s->next)
		if (!strcmp(ty_irname(s), irname))
			return s;
	return NULL;
}

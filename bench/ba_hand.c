/* ba_hand.c — hand-written Jacobian of the bundle-adjustment residuals
 * (ba_project in ba.c): for each observation the 2 x 14 Jacobian of its 2
 * residuals with respect to its camera (11) and point (3), the reference
 * that adcc's reverse mode is measured against.
 *
 * Per observation, one forward pass computes the residuals and saves what
 * the backward passes need (BaSaved; X - c and the other single products
 * are recomputed), then one backward pass per residual (seed: a unit
 * vector) gives one row.  The chain, forward:
 *
 *   v = X - c,  t = |r|,  w = r / t,
 *   Y = v cos t + (w x v) sin t + w (w . v)(1 - cos t)    (t = 0: v + r x v)
 *   p = Y[0:2] / Y[2],  l = 1 + k1 |p|^2 + k2 |p|^4,  e = f l p + x0 - feat
 *
 * and each step backward in the opposite order (see backward()).
 */
#include <math.h>
#include <stddef.h>

/* what the backward passes of one observation need */
typedef struct {
	double ti, cth, sth;   /* 1 / t, cos t, sin t (t = |r| > 0) */
	double w[3], wxv[3];   /* w = r / t, w x v */
	double dot;            /* w . v */
	double z, p[2];        /* depth Y[2], p = Y[0:2] / Y[2] */
	double rsq, l;         /* |p|^2, distortion factor */
} BaSaved;

size_t ba_hand_saved(void)
{
	return sizeof(BaSaved);
}

static void cross(const double *a, const double *b, double *out)
{
	out[0] = a[1] * b[2] - a[2] * b[1];
	out[1] = a[2] * b[0] - a[0] * b[2];
	out[2] = a[0] * b[1] - a[1] * b[0];
}

/* err[2] = residuals of observation (cam, pt, feat); fills *s */
static void forward(const double *cam, const double *pt, const double *feat,
	double *err, BaSaved *s)
{
	const double *r = cam;
	double v[3], y[3];
	for (int i = 0; i < 3; i++)
		v[i] = pt[i] - cam[3 + i];
	double sqt = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
	if (sqt != 0) {
		double t = sqrt(sqt);
		s->cth = cos(t);
		s->sth = sin(t);
		s->ti = 1.0 / t;
		for (int i = 0; i < 3; i++)
			s->w[i] = r[i] * s->ti;
		cross(s->w, v, s->wxv);
		s->dot = s->w[0] * v[0] + s->w[1] * v[1] + s->w[2] * v[2];
		double tmp = s->dot * (1.0 - s->cth);
		for (int i = 0; i < 3; i++)
			y[i] = v[i] * s->cth + s->wxv[i] * s->sth + s->w[i] * tmp;
	} else {
		double rxv[3];
		cross(r, v, rxv);
		for (int i = 0; i < 3; i++)
			y[i] = v[i] + rxv[i];
	}
	s->z = y[2];
	s->p[0] = y[0] / y[2];
	s->p[1] = y[1] / y[2];
	s->rsq = s->p[0] * s->p[0] + s->p[1] * s->p[1];
	s->l = 1 + cam[9] * s->rsq + cam[10] * s->rsq * s->rsq;
	for (int i = 0; i < 2; i++)
		err[i] = s->p[i] * s->l * cam[6] + cam[7 + i] - feat[i];
}

/* row[14] = d err[k] / d (cam[11], pt[3]): the backward pass seeded with
 * the unit vector e_k */
static void backward(const double *cam, const double *pt, const BaSaved *s,
	int k, double *row)
{
	const double *r = cam;
	double eb[2] = { k == 0, k == 1 };
	/* e = (p l) f + x0 - feat */
	double pb[2], lb = 0;
	row[6] = 0;
	for (int i = 0; i < 2; i++) {
		row[6] += eb[i] * s->p[i] * s->l;        /* f */
		row[7 + i] = eb[i];                       /* x0 */
		pb[i] = eb[i] * cam[6] * s->l;
		lb += eb[i] * cam[6] * s->p[i];
	}
	/* l = 1 + k1 rsq + k2 rsq^2 */
	row[9] = lb * s->rsq;
	row[10] = lb * s->rsq * s->rsq;
	double rsqb = lb * (cam[9] + 2 * cam[10] * s->rsq);
	pb[0] += 2 * s->p[0] * rsqb;
	pb[1] += 2 * s->p[1] * rsqb;
	/* p = Y[0:2] / z */
	double yb[3] = { pb[0] / s->z, pb[1] / s->z,
		-(pb[0] * s->p[0] + pb[1] * s->p[1]) / s->z };
	/* the rotation */
	double v[3], vb[3], rb[3], tmp3[3];
	for (int i = 0; i < 3; i++)
		v[i] = pt[i] - cam[3 + i];
	double sqt = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
	if (sqt != 0) {
		double tmp = s->dot * (1.0 - s->cth);
		double cthb = 0, sthb = 0, tmpb = 0, wb[3];
		for (int i = 0; i < 3; i++) {
			vb[i] = yb[i] * s->cth;
			cthb += yb[i] * v[i];
			sthb += yb[i] * s->wxv[i];
			wb[i] = yb[i] * tmp;
			tmpb += yb[i] * s->w[i];
		}
		double wxvb[3] = { yb[0] * s->sth, yb[1] * s->sth, yb[2] * s->sth };
		/* tmp = dot (1 - cos t), dot = w . v */
		double dotb = tmpb * (1.0 - s->cth);
		cthb -= tmpb * s->dot;
		for (int i = 0; i < 3; i++) {
			wb[i] += dotb * v[i];
			vb[i] += dotb * s->w[i];
		}
		/* w x v: wb += v x wxvb, vb += wxvb x w */
		cross(v, wxvb, tmp3);
		for (int i = 0; i < 3; i++)
			wb[i] += tmp3[i];
		cross(wxvb, s->w, tmp3);
		for (int i = 0; i < 3; i++)
			vb[i] += tmp3[i];
		/* w = r / t, t = sqrt(r . r) */
		double tib = 0;
		for (int i = 0; i < 3; i++) {
			rb[i] = wb[i] * s->ti;
			tib += wb[i] * r[i];
		}
		double tb = -tib * s->ti * s->ti - s->sth * cthb + s->cth * sthb;
		double sqtb = 0.5 * tb * s->ti;
		for (int i = 0; i < 3; i++)
			rb[i] += 2 * r[i] * sqtb;
	} else {
		/* Y = v + r x v: rb = v x yb, vb = yb + yb x r */
		cross(v, yb, rb);
		cross(yb, r, tmp3);
		for (int i = 0; i < 3; i++)
			vb[i] = yb[i] + tmp3[i];
	}
	/* v = X - c */
	for (int i = 0; i < 3; i++) {
		row[i] = rb[i];
		row[3 + i] = -vb[i];
		row[11 + i] = vb[i];
	}
}

/* err[2*nobs] = all residuals (as ba_residuals); J[28*nobs] = their
 * Jacobians: observation o's block J[28*o + 14*k + j] is d err[2*o + k] /
 * d (cam[0..10], pt[0..2])[j] */
void ba_hand_jac(int nobs, const double *cams, const double *x,
	const int *obs, const double *feats, double *err, double *J)
{
	for (int o = 0; o < nobs; o++) {
		const double *cam = &cams[obs[2 * o] * 11], *pt = &x[obs[2 * o + 1] * 3];
		BaSaved s;
		forward(cam, pt, &feats[2 * o], &err[2 * o], &s);
		backward(cam, pt, &s, 0, &J[28 * o]);
		backward(cam, pt, &s, 1, &J[28 * o + 14]);
	}
}

// The SIMD kernels of @losslab/core, compiled to wasm32 with simd128 by Debian's clang
// (scripts/build_wasm.mjs; README.md in this folder says why C and how the binary is checked).
//
// Every kernel computes in double from float64 or float32 inputs (as the JS path does: a float32
// input is promoted, the result rounded once when stored), two lanes of f64x2 at a time. The
// per-type loops come from one template, kernels_t.h, included once per element type.
// No libc: exp and log are written here (vexp, vlog), with their error bounds.
#include <stdint.h>
#include <wasm_simd128.h>

typedef v128_t V;

#define EXPORT(name) __attribute__((export_name(name)))
#define INLINE static inline __attribute__((always_inline))

// Results besides the returned sum: [0] the finiteness bound, [1] spare.
static double results[2];
EXPORT("results") double *results_ptr(void) { return results; }

INLINE V splat(double x) { return wasm_f64x2_splat(x); }
INLINE double hsum(V v) { return wasm_f64x2_extract_lane(v, 0) + wasm_f64x2_extract_lane(v, 1); }
INLINE V vsign(V d) {
  // (d > 0) - (d < 0): 0 at 0 and for NaN, as the JS path.
  V one = splat(1);
  return wasm_f64x2_sub(wasm_v128_and(wasm_f64x2_gt(d, splat(0)), one),
                        wasm_v128_and(wasm_f64x2_lt(d, splat(0)), one));
}

// 2^(j/64), j in [0, 64), correctly rounded (Python's decimal at 60 digits).
static const double EXP_FRACTIONS[64] = {
  0x1.0000000000000p+0, 0x1.02c9a3e778061p+0, 0x1.059b0d3158574p+0, 0x1.0874518759bc8p+0,
  0x1.0b5586cf9890fp+0, 0x1.0e3ec32d3d1a2p+0, 0x1.11301d0125b51p+0, 0x1.1429aaea92de0p+0,
  0x1.172b83c7d517bp+0, 0x1.1a35beb6fcb75p+0, 0x1.1d4873168b9aap+0, 0x1.2063b88628cd6p+0,
  0x1.2387a6e756238p+0, 0x1.26b4565e27cddp+0, 0x1.29e9df51fdee1p+0, 0x1.2d285a6e4030bp+0,
  0x1.306fe0a31b715p+0, 0x1.33c08b26416ffp+0, 0x1.371a7373aa9cbp+0, 0x1.3a7db34e59ff7p+0,
  0x1.3dea64c123422p+0, 0x1.4160a21f72e2ap+0, 0x1.44e086061892dp+0, 0x1.486a2b5c13cd0p+0,
  0x1.4bfdad5362a27p+0, 0x1.4f9b2769d2ca7p+0, 0x1.5342b569d4f82p+0, 0x1.56f4736b527dap+0,
  0x1.5ab07dd485429p+0, 0x1.5e76f15ad2148p+0, 0x1.6247eb03a5585p+0, 0x1.6623882552225p+0,
  0x1.6a09e667f3bcdp+0, 0x1.6dfb23c651a2fp+0, 0x1.71f75e8ec5f74p+0, 0x1.75feb564267c9p+0,
  0x1.7a11473eb0187p+0, 0x1.7e2f336cf4e62p+0, 0x1.82589994cce13p+0, 0x1.868d99b4492edp+0,
  0x1.8ace5422aa0dbp+0, 0x1.8f1ae99157736p+0, 0x1.93737b0cdc5e5p+0, 0x1.97d829fde4e50p+0,
  0x1.9c49182a3f090p+0, 0x1.a0c667b5de565p+0, 0x1.a5503b23e255dp+0, 0x1.a9e6b5579fdbfp+0,
  0x1.ae89f995ad3adp+0, 0x1.b33a2b84f15fbp+0, 0x1.b7f76f2fb5e47p+0, 0x1.bcc1e904bc1d2p+0,
  0x1.c199bdd85529cp+0, 0x1.c67f12e57d14bp+0, 0x1.cb720dcef9069p+0, 0x1.d072d4a07897cp+0,
  0x1.d5818dcfba487p+0, 0x1.da9e603db3285p+0, 0x1.dfc97337b9b5fp+0, 0x1.e502ee78b3ff6p+0,
  0x1.ea4afa2a490dap+0, 0x1.efa1bee615a27p+0, 0x1.f50765b6e4540p+0, 0x1.fa7c1819e90d8p+0
};

// exp(x) for x in [-745.2, 709.7] (callers mask what lies outside). The JS path's table method
// (losses/expNonPositive.ts): x = (64 m + j) ln2/64 + r, |r| <= ln2/128, exp(x) = 2^m 2^(j/64) p(r),
// p the degree-5 Taylor polynomial in Estrin's form (truncation below 4e-17 relative). 2^m is
// built from its bits in two factors (2^m1 2^m2, each normal) so results down to the subnormal
// range are right. Error: the table entry (0.5 ulp), p (0.36 ulp), the reduction (k ln2/64 split
// in two, r exact to 2^-60) and one rounding of the product (0.5 ulp): under 1.5 ulp; measured
// (wasm.test.ts) at most 1 ulp from Math.exp over [-745, 64].
INLINE V vexp(V x) {
  const V inv = splat(64 / 0.693147180559945309417232121458176568);
  const V rounder = splat(6755399441055744.0);
  const V hi = splat(6.9314718036912381649e-1 / 64);
  const V lo = splat(1.90821492927058770002e-10 / 64);
  V kd = wasm_f64x2_sub(wasm_f64x2_add(wasm_f64x2_mul(x, inv), rounder), rounder);
  V r = wasm_f64x2_sub(wasm_f64x2_sub(x, wasm_f64x2_mul(kd, hi)), wasm_f64x2_mul(kd, lo));
  // k as two int32 lanes (kd is an integer-valued double of magnitude < 2^17).
  V k = wasm_i32x4_trunc_sat_f64x2_zero(kd);
  int32_t k0 = wasm_i32x4_extract_lane(k, 0);
  int32_t k1 = wasm_i32x4_extract_lane(k, 1);
  V f = wasm_f64x2_make(EXP_FRACTIONS[k0 & 63], EXP_FRACTIONS[k1 & 63]);
  V m = wasm_i32x4_shr(k, 6);                    // floor(k / 64)
  V m1 = wasm_i32x4_shr(m, 1);
  V m2 = wasm_i32x4_sub(m, m1);
  // 2^m as bits: (m + 1023) << 52, from the two int32 lanes widened to int64.
  V bias = wasm_i64x2_splat(1023);
  V p1 = wasm_i64x2_shl(wasm_i64x2_add(wasm_i64x2_extend_low_i32x4(m1), bias), 52);
  V p2 = wasm_i64x2_shl(wasm_i64x2_add(wasm_i64x2_extend_low_i32x4(m2), bias), 52);
  // q = p(r) - 1, small (|q| < 0.0055): f + f q rounds once where f p would round p first.
  V r2 = wasm_f64x2_mul(r, r);
  V b = wasm_f64x2_add(splat(0.5), wasm_f64x2_mul(r, splat(1.0 / 6)));
  V c = wasm_f64x2_add(splat(1.0 / 24), wasm_f64x2_mul(r, splat(1.0 / 120)));
  V q = wasm_f64x2_add(r, wasm_f64x2_add(wasm_f64x2_mul(r2, b), wasm_f64x2_mul(wasm_f64x2_mul(r2, r2), c)));
  V fp = wasm_f64x2_add(f, wasm_f64x2_mul(f, q));
  return wasm_f64x2_mul(wasm_f64x2_mul(fp, p1), p2);
}

// vexp for x in [-708, 64] (softmax's fused pass, which redoes a row that leaves that range):
// the same table method and error, with 2^m one normal factor made from the bits of k, which the
// rounding constant leaves in kd's low bits. About a third fewer instructions than vexp.
INLINE V vexpFused(V x) {
  const V inv = splat(64 / 0.693147180559945309417232121458176568);
  const V rounder = splat(6755399441055744.0);
  const V hi = splat(6.9314718036912381649e-1 / 64);
  const V lo = splat(1.90821492927058770002e-10 / 64);
  V kr = wasm_f64x2_add(wasm_f64x2_mul(x, inv), rounder);
  V kd = wasm_f64x2_sub(kr, rounder);
  V k = wasm_i64x2_sub(kr, rounder); // the integer k, as int64 lanes
  V r = wasm_f64x2_sub(wasm_f64x2_sub(x, wasm_f64x2_mul(kd, hi)), wasm_f64x2_mul(kd, lo));
  V f = wasm_f64x2_make(EXP_FRACTIONS[wasm_i64x2_extract_lane(k, 0) & 63],
                        EXP_FRACTIONS[wasm_i64x2_extract_lane(k, 1) & 63]);
  V p2 = wasm_i64x2_shl(wasm_i64x2_add(wasm_i64x2_shr(k, 6), wasm_i64x2_splat(1023)), 52);
  V r2 = wasm_f64x2_mul(r, r);
  V b = wasm_f64x2_add(splat(0.5), wasm_f64x2_mul(r, splat(1.0 / 6)));
  V c = wasm_f64x2_add(splat(1.0 / 24), wasm_f64x2_mul(r, splat(1.0 / 120)));
  V q = wasm_f64x2_add(r, wasm_f64x2_add(wasm_f64x2_mul(r2, b), wasm_f64x2_mul(wasm_f64x2_mul(r2, r2), c)));
  return wasm_f64x2_mul(wasm_f64x2_add(f, wasm_f64x2_mul(f, q)), p2);
}

// log(x) for finite x > 0 (normal; a subnormal or 0 gives about -709, which the callers clamp or
// never pass): fdlibm's e_log.c (musl's log.c) without its branches. x = 2^k (1 + f) with
// 1 + f in [sqrt(2)/2, sqrt(2)), s = f / (2 + f), log(1 + f) = f - f^2/2 + s (f^2/2 + R(s^2)),
// R fdlibm's minimax polynomial (error below 2^-58.45). Error under 1 ulp (fdlibm's bound).
INLINE V vlog(V x) {
  const V ln2_hi = splat(6.93147180369123816490e-01);
  const V ln2_lo = splat(1.90821492927058770002e-10);
  // Add (0x3ff00000 - 0x3fe6a09e) to the high word: the exponent k counts from sqrt(2)/2.
  V u = wasm_i64x2_add(x, wasm_i64x2_splat((int64_t)(0x3ff00000 - 0x3fe6a09e) << 32));
  V k64 = wasm_i64x2_sub(wasm_u64x2_shr(u, 52), wasm_i64x2_splat(0x3ff));
  V k = wasm_i32x4_shuffle(k64, k64, 0, 2, 0, 2);
  V dk = wasm_f64x2_convert_low_i32x4(k);
  V mbits = wasm_i64x2_add(wasm_v128_and(u, wasm_i64x2_splat(0x000fffffffffffffLL)),
                           wasm_i64x2_splat((int64_t)0x3fe6a09e << 32));
  V f = wasm_f64x2_sub(mbits, splat(1));
  V hfsq = wasm_f64x2_mul(splat(0.5), wasm_f64x2_mul(f, f));
  V s = wasm_f64x2_div(f, wasm_f64x2_add(splat(2), f));
  V z = wasm_f64x2_mul(s, s);
  V w = wasm_f64x2_mul(z, z);
  V t1 = wasm_f64x2_mul(w, wasm_f64x2_add(splat(3.999999999940941908e-01),
         wasm_f64x2_mul(w, wasm_f64x2_add(splat(2.222219843214978396e-01),
         wasm_f64x2_mul(w, splat(1.531383769920937332e-01))))));
  V t2 = wasm_f64x2_mul(z, wasm_f64x2_add(splat(6.666666666666735130e-01),
         wasm_f64x2_mul(w, wasm_f64x2_add(splat(2.857142874366239149e-01),
         wasm_f64x2_mul(w, wasm_f64x2_add(splat(1.818357216161805012e-01),
         wasm_f64x2_mul(w, splat(1.479819860511658591e-01))))))));
  V R = wasm_f64x2_add(t2, t1);
  // s (hfsq + R) + dk ln2_lo - hfsq + f + dk ln2_hi, in fdlibm's order.
  V res = wasm_f64x2_add(wasm_f64x2_mul(s, wasm_f64x2_add(hfsq, R)), wasm_f64x2_mul(dk, ln2_lo));
  res = wasm_f64x2_add(wasm_f64x2_add(wasm_f64x2_sub(res, hfsq), f), wasm_f64x2_mul(dk, ln2_hi));
  return res;
}

// log1p(x) for x in [-1, 1]: log(u) + (x - (u - 1)) / u with u = 1 + x rounded (Goldberg's
// correction: the rounding of u is put back to first order), -Infinity at x = -1.
INLINE V vlog1p(V x) {
  V u = wasm_f64x2_add(splat(1), x);
  V c = wasm_f64x2_div(wasm_f64x2_sub(x, wasm_f64x2_sub(u, splat(1))), u);
  V r = wasm_f64x2_add(vlog(u), c);
  return wasm_v128_bitselect(splat(-__builtin_inf()), r, wasm_f64x2_eq(u, splat(0)));
}

EXPORT("vexp_64") void vexp_64(const double *x, double *out, int n) {
  for (int i = 0; i < n; i++) out[i] = wasm_f64x2_extract_lane(vexp(splat(x[i])), 0);
}
EXPORT("vlog_64") void vlog_64(const double *x, double *out, int n) {
  for (int i = 0; i < n; i++) out[i] = wasm_f64x2_extract_lane(vlog(splat(x[i])), 0);
}
EXPORT("vlog1p_64") void vlog1p_64(const double *x, double *out, int n) {
  for (int i = 0; i < n; i++) out[i] = wasm_f64x2_extract_lane(vlog1p(splat(x[i])), 0);
}


// ---- Elementwise losses: one body per loss, shared by both element types. ----
// A body maps two elements of pred (p), target (t) and weight (w, 1 without weights) to the
// elements' weighted loss (*l, what is summed and stored in `values`) and gradient (*g, with the
// reduction's scale and the weight applied), in the JS path's order of operations, so both paths
// store the same doubles (only the order of the final sum differs).

typedef struct {
  V a, b, c, d, e;
} Params;

// JS's Math.sign: +-1, and the zero itself (+0 or -0) at zero.
INLINE V msign(V d) {
  V one = wasm_v128_or(wasm_v128_and(d, splat(-0.0)), splat(1));
  return wasm_v128_bitselect(d, one, wasm_f64x2_eq(d, splat(0)));
}

enum { MSE, MAE_FAST, MAE, HUBER, BCE, BCE_LOGITS, LOG_COSH };

INLINE void body(int loss, int weighted, V p, V t, V w, const Params *q, V *l, V *g) {
  switch (loss) {
  case MSE: { // a = 2 scale; b, c = f1, f2 of weightedMean.ts (the weight is w f1 f2)
    V d = wasm_f64x2_sub(p, t);
    if (!weighted) { // w = 1: the same doubles without the multiplications by 1
      *l = wasm_f64x2_mul(d, d);
      *g = wasm_f64x2_mul(q->a, d);
      return;
    }
    w = wasm_f64x2_mul(wasm_f64x2_mul(w, q->b), q->c);
    *l = wasm_f64x2_mul(wasm_f64x2_mul(w, d), d);
    *g = wasm_f64x2_mul(w, wasm_f64x2_mul(q->a, d));
    return;
  }
  case MAE_FAST: // a = scale; the unweighted JS loop's sign, (d > 0) - (d < 0)
  case MAE: {    // Math.sign(d) scale w; b, c = f1, f2 as for MSE
    V d = wasm_f64x2_sub(p, t);
    if (!weighted) {
      *l = wasm_f64x2_abs(d);
      *g = loss == MAE_FAST ? wasm_f64x2_mul(q->a, vsign(d)) : wasm_f64x2_mul(msign(d), q->a);
      return;
    }
    w = wasm_f64x2_mul(wasm_f64x2_mul(w, q->b), q->c);
    *l = wasm_f64x2_mul(w, wasm_f64x2_abs(d));
    *g = loss == MAE_FAST ? wasm_f64x2_mul(q->a, vsign(d))
                          : wasm_f64x2_mul(wasm_f64x2_mul(msign(d), q->a), w);
    return;
  }
  case HUBER: { // a = width, b = div, c = c, d = scale (huberKernel.ts)
    V d = wasm_f64x2_sub(p, t);
    V a = wasm_f64x2_abs(d);
    V in = wasm_f64x2_lt(a, q->a);
    V gin = wasm_f64x2_div(d, q->b);
    V lin = wasm_f64x2_mul(wasm_f64x2_mul(splat(0.5), d), gin);
    V lout = wasm_f64x2_mul(q->c, wasm_f64x2_sub(a, wasm_f64x2_mul(splat(0.5), q->a)));
    V gout = wasm_f64x2_mul(q->c, msign(d));
    V gg = wasm_v128_bitselect(gin, gout, in);
    V ll = wasm_v128_bitselect(lin, lout, in);
    *g = wasm_f64x2_mul(wasm_f64x2_mul(gg, q->d), w);
    *l = wasm_f64x2_mul(w, ll);
    return;
  }
  case BCE: { // a = scale, b = smoothing, c = BCE_GRAD_EPS (bceLoss.ts)
    V y = wasm_f64x2_add(wasm_f64x2_mul(t, wasm_f64x2_sub(splat(1), q->b)),
                         wasm_f64x2_mul(splat(0.5), q->b));
    y = wasm_v128_bitselect(t, y, wasm_f64x2_eq(q->b, splat(0)));
    V lp = wasm_f64x2_max(vlog(wasm_f64x2_abs(p)), splat(-100)); // |p|: p may be -0
    V lq = wasm_f64x2_max(vlog1p(wasm_f64x2_neg(p)), splat(-100));
    V s = wasm_f64x2_add(wasm_f64x2_mul(y, lp), wasm_f64x2_mul(wasm_f64x2_sub(splat(1), y), lq));
    *l = wasm_f64x2_mul(wasm_f64x2_neg(w), s);
    V den = wasm_f64x2_max(wasm_f64x2_mul(p, wasm_f64x2_sub(splat(1), p)), q->c);
    *g = wasm_f64x2_mul(wasm_f64x2_mul(wasm_f64x2_div(wasm_f64x2_sub(p, y), den), q->a), w);
    return;
  }
  case BCE_LOGITS: { // a = scale, b = smoothing, c = rho (one posWeight) (bceWithLogitsLoss.ts)
    V y = wasm_f64x2_add(wasm_f64x2_mul(t, wasm_f64x2_sub(splat(1), q->b)),
                         wasm_f64x2_mul(splat(0.5), q->b));
    y = wasm_v128_bitselect(t, y, wasm_f64x2_eq(q->b, splat(0)));
    V x = p;
    V nx = wasm_f64x2_neg(wasm_f64x2_abs(x));
    // exp(-|x|), 0 below the subnormal range (and NaN through).
    V e = vexp(wasm_f64x2_max(nx, splat(-745.2)));
    e = wasm_v128_andnot(e, wasm_f64x2_lt(nx, splat(-745.2)));
    V log1pE = vlog1p(e);
    V zero = splat(0);
    V spPos = wasm_f64x2_add(wasm_f64x2_max(x, zero), log1pE);
    V spNeg = wasm_f64x2_add(wasm_f64x2_max(wasm_f64x2_neg(x), zero), log1pE);
    V onePlus = wasm_f64x2_add(splat(1), e);
    V sigBig = wasm_f64x2_div(splat(1), onePlus);
    V sigSmall = wasm_f64x2_div(e, onePlus);
    V pos = wasm_f64x2_ge(x, zero);
    V sig = wasm_v128_bitselect(sigBig, sigSmall, pos);
    V sigNeg = wasm_v128_bitselect(sigSmall, sigBig, pos);
    V ry = wasm_f64x2_mul(q->c, y);
    V y1 = wasm_f64x2_sub(splat(1), y);
    *l = wasm_f64x2_mul(w, wasm_f64x2_add(wasm_f64x2_mul(ry, spNeg), wasm_f64x2_mul(y1, spPos)));
    *g = wasm_f64x2_mul(
        wasm_f64x2_mul(wasm_f64x2_sub(wasm_f64x2_mul(y1, sig), wasm_f64x2_mul(ry, sigNeg)), q->a), w);
    return;
  }
  case LOG_COSH: { // a = scale (logCoshLoss.ts)
    V d = wasm_f64x2_sub(p, t);
    V a = wasm_f64x2_abs(d);
    V x2 = wasm_f64x2_mul(d, d);
    V small = wasm_f64x2_lt(a, splat(0.1));
    // |d| < 0.1: the JS path's series of log cosh, and tanh's Taylor series to d^15 (the next
    // term is below 2e-17 relative).
    V ls = wasm_f64x2_add(splat(31.0 / 14175), wasm_f64x2_mul(x2, splat(-691.0 / 935550)));
    ls = wasm_f64x2_add(splat(-17.0 / 2520), wasm_f64x2_mul(x2, ls));
    ls = wasm_f64x2_add(splat(1.0 / 45), wasm_f64x2_mul(x2, ls));
    ls = wasm_f64x2_add(splat(-1.0 / 12), wasm_f64x2_mul(x2, ls));
    ls = wasm_f64x2_mul(x2, wasm_f64x2_add(splat(0.5), wasm_f64x2_mul(x2, ls)));
    V ts = wasm_f64x2_add(splat(21844.0 / 6081075), wasm_f64x2_mul(x2, splat(-929569.0 / 638512875)));
    ts = wasm_f64x2_add(splat(-1382.0 / 155925), wasm_f64x2_mul(x2, ts));
    ts = wasm_f64x2_add(splat(62.0 / 2835), wasm_f64x2_mul(x2, ts));
    ts = wasm_f64x2_add(splat(-17.0 / 315), wasm_f64x2_mul(x2, ts));
    ts = wasm_f64x2_add(splat(2.0 / 15), wasm_f64x2_mul(x2, ts));
    ts = wasm_f64x2_add(splat(-1.0 / 3), wasm_f64x2_mul(x2, ts));
    ts = wasm_f64x2_add(d, wasm_f64x2_mul(d, wasm_f64x2_mul(x2, ts)));
    // Otherwise, with e = exp(-2|d|) (0 past the subnormals): log cosh = |d| + log1p(e) - ln2,
    // tanh = sign(d) (1 - e) / (1 + e) (e <= 0.82: 1 - e costs a few ulp).
    V na2 = wasm_f64x2_mul(splat(-2), a);
    V e = vexp(wasm_f64x2_max(na2, splat(-745.2)));
    e = wasm_v128_andnot(e, wasm_f64x2_lt(na2, splat(-745.2)));
    V lb = wasm_f64x2_sub(wasm_f64x2_add(a, vlog1p(e)), splat(0.693147180559945309417232121458176568));
    V tb = wasm_f64x2_div(wasm_f64x2_sub(splat(1), e), wasm_f64x2_add(splat(1), e));
    tb = wasm_v128_or(tb, wasm_v128_and(d, splat(-0.0)));
    V th = wasm_v128_bitselect(ts, tb, small);
    *g = wasm_f64x2_mul(wasm_f64x2_mul(th, q->a), w);
    *l = wasm_f64x2_mul(w, wasm_v128_bitselect(ls, lb, small));
    return;
  }
  }
}

// log(s) for any double, with Math.log's special cases (the softmax row's loss is log of its sum).
INLINE double slog(double s) {
  if (!(s > 0)) return s == 0 ? -__builtin_inf() : __builtin_nan("");
  if (s == __builtin_inf()) return s;
  if (s < 2.2250738585072014e-308) // subnormal: scale into the normal range first
    return wasm_f64x2_extract_lane(vlog(splat(s * 18014398509481984.0)), 0) - 54 * 0.693147180559945309417232121458176568;
  return wasm_f64x2_extract_lane(vlog(splat(s)), 0);
}

// exp(d) for d <= 0 as expNonPositive: 0 below -745, NaN through.
INLINE V vexpNonPositive(V d) {
  V e = vexp(wasm_f64x2_max(d, splat(-745)));
  V below = wasm_f64x2_lt(d, splat(-745));
  return wasm_v128_bitselect(d, wasm_v128_andnot(e, below), wasm_f64x2_ne(d, d));
}

#define T double
#define SUF(name) name##_64
#define NAME(name) #name "_64"
// Two elements as f64x2, and back.
#define LD(ptr) wasm_v128_load(ptr)
#define ST(ptr, v) wasm_v128_store(ptr, v)
// Four elements as two f64x2 (lo: the first two), and back.
#define LD4(ptr, lo, hi) (lo = wasm_v128_load(ptr), hi = wasm_v128_load((ptr) + 2))
#define ST4(ptr, lo, hi) (wasm_v128_store(ptr, lo), wasm_v128_store((ptr) + 2, hi))
#include "kernels_t.h"
#undef T
#undef SUF
#undef NAME
#undef LD
#undef ST
#undef LD4
#undef ST4

#define T float
#define SUF(name) name##_32
#define NAME(name) #name "_32"
#define LD(ptr) wasm_f64x2_promote_low_f32x4(wasm_v128_load64_zero(ptr))
#define ST(ptr, v) wasm_v128_store64_lane(ptr, wasm_f32x4_demote_f64x2_zero(v), 0)
// One f32x4 load or store for four elements.
INLINE void ld4_32(const float *ptr, V *lo, V *hi) {
  V v = wasm_v128_load(ptr);
  *lo = wasm_f64x2_promote_low_f32x4(v);
  *hi = wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle(v, v, 2, 3, 0, 1));
}
INLINE void st4_32(float *ptr, V lo, V hi) {
  wasm_v128_store(ptr, wasm_i32x4_shuffle(wasm_f32x4_demote_f64x2_zero(lo),
                                          wasm_f32x4_demote_f64x2_zero(hi), 0, 1, 4, 5));
}
#define LD4(ptr, lo, hi) ld4_32(ptr, &(lo), &(hi))
#define ST4(ptr, lo, hi) st4_32(ptr, lo, hi)
#include "kernels_t.h"

// The loops of kernels.c for one element type T, included once per type: T, SUF(name) (the
// exported function's C name), NAME(name) (its export name), LD/ST (two elements as f64x2),
// LD4/ST4 (four as two f64x2: one f32x4 access for float).
// The one-element tail reads a scalar into both lanes and keeps lane 0.

INLINE void SUF(loop)(int loss, int weighted, int hasValues, const T *p, const T *t, const T *w,
                      T *g, T *vals, int n, const Params *q) {
  V s0 = splat(0), s1 = splat(0), b0 = splat(0), b1 = splat(0);
  const V one = splat(1);
  // Unweighted MSE and MAE without values need no bound from here: mseLoss.ts and maeLoss.ts
  // have one for free (g2 sqrt(sum), scale); results[0] is then 0.
  const int track = weighted || hasValues || !(loss == MSE || loss == MAE_FAST || loss == MAE);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    V l0, g0, l1, g1, p0, p1, t0, t1, w0 = one, w1 = one;
    LD4(p + i, p0, p1);
    LD4(t + i, t0, t1);
    if (weighted) LD4(w + i, w0, w1);
    body(loss, weighted, p0, t0, w0, q, &l0, &g0);
    body(loss, weighted, p1, t1, w1, q, &l1, &g1);
    ST4(g + i, g0, g1);
    s0 = wasm_f64x2_add(s0, l0);
    s1 = wasm_f64x2_add(s1, l1);
    if (track) {
      b0 = wasm_f64x2_add(b0, wasm_f64x2_abs(g0));
      b1 = wasm_f64x2_add(b1, wasm_f64x2_abs(g1));
    }
    if (hasValues) {
      ST4(vals + i, l0, l1);
      b0 = wasm_f64x2_add(b0, wasm_f64x2_abs(l0));
      b1 = wasm_f64x2_add(b1, wasm_f64x2_abs(l1));
    }
  }
  double sum = hsum(wasm_f64x2_add(s0, s1));
  double bound = hsum(wasm_f64x2_add(b0, b1));
  for (; i < n; i++) {
    V l0, g0;
    body(loss, weighted, splat(p[i]), splat(t[i]), weighted ? splat(w[i]) : one, q, &l0, &g0);
    double li = wasm_f64x2_extract_lane(l0, 0);
    double gi = wasm_f64x2_extract_lane(g0, 0);
    g[i] = (T)gi;
    sum += li;
    if (track) bound += __builtin_fabs(gi);
    if (hasValues) {
      vals[i] = (T)li;
      bound += __builtin_fabs(li);
    }
  }
  results[0] = bound;
  results[1] = sum;
}

#define ELEMENTWISE(loss, LOSS)                                                                   \
  EXPORT(NAME(loss))                                                                              \
  double SUF(loss)(const T *p, const T *t, const T *w, T *g, T *vals, int n, double a, double b,  \
                   double c, double d) {                                                          \
    Params q = {splat(a), splat(b), splat(c), splat(d), splat(0)};                                \
    if (w) {                                                                                      \
      if (vals) SUF(loop)(LOSS, 1, 1, p, t, w, g, vals, n, &q);                                   \
      else SUF(loop)(LOSS, 1, 0, p, t, w, g, vals, n, &q);                                        \
    } else {                                                                                      \
      if (vals) SUF(loop)(LOSS, 0, 1, p, t, w, g, vals, n, &q);                                   \
      else SUF(loop)(LOSS, 0, 0, p, t, w, g, vals, n, &q);                                        \
    }                                                                                             \
    return results[1];                                                                            \
  }

ELEMENTWISE(mse, MSE)
ELEMENTWISE(mae_fast, MAE_FAST)
ELEMENTWISE(mae, MAE)
ELEMENTWISE(huber, HUBER)
ELEMENTWISE(bce, BCE)
ELEMENTWISE(bce_logits, BCE_LOGITS)
ELEMENTWISE(log_cosh, LOG_COSH)
#undef ELEMENTWISE

// Value-only metrics: sum of (p - t)^2 (squares) or |p - t|, four independent partial sums.
EXPORT(NAME(error_sum)) double SUF(error_sum)(const T *p, const T *t, int n, int squares) {
  V s0 = splat(0), s1 = splat(0);
  int i = 0;
  if (squares) {
    for (; i + 4 <= n; i += 4) {
      V p0, p1, t0, t1;
      LD4(p + i, p0, p1);
      LD4(t + i, t0, t1);
      V d0 = wasm_f64x2_sub(p0, t0);
      V d1 = wasm_f64x2_sub(p1, t1);
      s0 = wasm_f64x2_add(s0, wasm_f64x2_mul(d0, d0));
      s1 = wasm_f64x2_add(s1, wasm_f64x2_mul(d1, d1));
    }
  } else {
    for (; i + 4 <= n; i += 4) {
      V p0, p1, t0, t1;
      LD4(p + i, p0, p1);
      LD4(t + i, t0, t1);
      s0 = wasm_f64x2_add(s0, wasm_f64x2_abs(wasm_f64x2_sub(p0, t0)));
      s1 = wasm_f64x2_add(s1, wasm_f64x2_abs(wasm_f64x2_sub(p1, t1)));
    }
  }
  double sum = hsum(wasm_f64x2_add(s0, s1));
  for (; i < n; i++) {
    double d = (double)p[i] - (double)t[i];
    sum += squares ? d * d : __builtin_fabs(d);
  }
  return sum;
}

// One softmax row (softmaxRow.ts): writes mult * softmax(x[0..C)) to g and returns
// log-sum-exp - x[t]. The fused pass shifts by the target's logit; a row where some
// x_j - x_t leaves [-745, 64] (or holds a NaN) is redone with the max (rowWithMax).
INLINE double SUF(row_with_max)(const T *x, T *g, int C, double mult) {
  double m = -__builtin_inf();
  for (int j = 0; j < C; j++) {
    double v = x[j];
    if (v > m) m = v;
  }
  if (m == -__builtin_inf() || m != m) m = 0;
  V mv = splat(m);
  double s = 0;
  for (int j = 0; j < C; j++) {
    double e = wasm_f64x2_extract_lane(vexpNonPositive(wasm_f64x2_sub(splat(x[j]), mv)), 0);
    g[j] = (T)e;
    s += e;
  }
  double ks = mult / s;
  for (int j = 0; j < C; j++) g[j] = (T)((double)g[j] * ks);
  return m + slog(s);
}

INLINE double SUF(row)(const T *x, T *g, int C, double mult, int t) {
  double m = x[t];
  V mv = splat(m);
  V s0 = splat(0), s1 = splat(0);
  V bad = wasm_i64x2_splat(0);
  // vexpFused's range; a row that leaves it is redone with the max (rowWithMax).
  const V top = splat(64), bottom = splat(-708);
#define FUSED_STEP(J, S)                                                                          \
  {                                                                                               \
    V d = wasm_f64x2_sub(LD(x + (J)), mv);                                                        \
    bad = wasm_v128_or(bad, wasm_v128_not(wasm_v128_and(wasm_f64x2_le(d, top),                    \
                                                        wasm_f64x2_ge(d, bottom))));               \
    V e = vexpFused(d);                                                                           \
    ST(g + (J), e);                                                                               \
    S = wasm_f64x2_add(S, e);                                                                     \
  }
  int j = 0;
  for (; j + 4 <= C; j += 4) {
    V x0, x1;
    LD4(x + j, x0, x1);
    V d0 = wasm_f64x2_sub(x0, mv), d1 = wasm_f64x2_sub(x1, mv);
    bad = wasm_v128_or(bad, wasm_v128_not(wasm_v128_and(wasm_f64x2_le(d0, top),
                                                        wasm_f64x2_ge(d0, bottom))));
    bad = wasm_v128_or(bad, wasm_v128_not(wasm_v128_and(wasm_f64x2_le(d1, top),
                                                        wasm_f64x2_ge(d1, bottom))));
    V e0 = vexpFused(d0), e1 = vexpFused(d1);
    ST4(g + j, e0, e1);
    s0 = wasm_f64x2_add(s0, e0);
    s1 = wasm_f64x2_add(s1, e1);
  }
  if (j + 2 <= C) {
    FUSED_STEP(j, s0)
    j += 2;
  }
#undef FUSED_STEP
  double s = hsum(wasm_f64x2_add(s0, s1));
  int badTail = 0;
  if (j < C) {
    double d = (double)x[j] - m;
    badTail = !(d <= 64 && d >= -708);
    double e = wasm_f64x2_extract_lane(vexpFused(splat(d)), 0);
    g[j] = (T)e;
    s += e;
  }
  if (badTail || wasm_v128_any_true(bad)) return SUF(row_with_max)(x, g, C, mult) - m;
  double k = mult / s;
  V ks = splat(k);
  j = 0;
  for (; j + 4 <= C; j += 4) {
    V g0, g1;
    LD4(g + j, g0, g1);
    ST4(g + j, wasm_f64x2_mul(g0, ks), wasm_f64x2_mul(g1, ks));
  }
  for (; j + 2 <= C; j += 2) ST(g + j, wasm_f64x2_mul(LD(g + j), ks));
  if (j < C) g[j] = (T)((double)g[j] * k);
  return slog(s);
}

// Softmax cross-entropy with class-index targets, no smoothing or class weights
// (softmaxCrossEntropy.ts, oneHotRows64): returns the sum of the rows' losses.
EXPORT(NAME(softmax_ce)) double SUF(softmax_ce)(const T *x, T *g, const int32_t *target,
                                                const T *w, T *vals, int rows, int C,
                                                double scale, int ignoreIndex) {
  double sum = 0;
  for (int i = 0; i < rows; i++) {
    const T *xr = x + (long)i * C;
    T *gr = g + (long)i * C;
    int t = target[i];
    double l = 0;
    if (t == ignoreIndex) {
      for (int j = 0; j < C; j++) gr[j] = 0;
    } else {
      double wi = w ? (double)w[i] : 1;
      double k = wi * scale;
      l = wi * SUF(row)(xr, gr, C, k, t);
      gr[t] = (T)((double)gr[t] - k);
    }
    sum += l;
    if (vals) vals[i] = (T)l;
  }
  return sum;
}

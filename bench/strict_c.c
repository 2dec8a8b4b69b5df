// The strict-C reference of `npm run bench` (bench/strictC.mjs compiles it with
// gcc -O3 -march=native, without -ffast-math, and drives it).
//
// The same fused kernels as @losslab/core, written as a C programmer would: one pass over the
// inputs, the value accumulated in double, float32 cases computed in float (as PyTorch does) with
// their sum in double, exp and log from glibc. Without -ffast-math gcc keeps each sum in
// program order (it may not reassociate), so a reduction is one dependent chain per loop, and
// exp stays a scalar call: that is what "strict" means here.
//
// Input on stdin, one case per line: `<id> <kernel> <dtype> <n> <classes>`, kernel one of
// mse_value, mse_grad, mae_grad, softmax_ce, triad (the STREAM-like probe: a = b + s c).
// Output on stdout, one JSON object: {"<id>": {"ms": best ms per call, "value": the loss}, ...}.
// Inputs are bench/cases/losses.mjs's: fill(seed) is its LCG, labels are (i * 7919) % C.
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SAMPLES 7
#define MIN_SAMPLE_MS 20.0

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

#define DEFINE(T, SUF, EXP, LOG)                                                                 \
  static void fill_##SUF(T *a, long n, uint32_t seed) {                                        \
    uint32_t s = seed;                                                                         \
    for (long i = 0; i < n; i++) {                                                             \
      s = s * 1664525u + 1013904223u;                                                          \
      a[i] = (T)((s / 4294967296.0) * 4 - 2);                                                  \
    }                                                                                          \
  }                                                                                            \
  static double mse_value_##SUF(const T *p, const T *t, long n) {                              \
    double s = 0;                                                                              \
    for (long i = 0; i < n; i++) {                                                             \
      T d = p[i] - t[i];                                                                       \
      s += d * d;                                                                              \
    }                                                                                          \
    return s / n;                                                                              \
  }                                                                                            \
  static double mse_grad_##SUF(const T *p, const T *t, T *g, long n) {                         \
    double s = 0;                                                                              \
    T k = (T)(2.0 / n);                                                                        \
    for (long i = 0; i < n; i++) {                                                             \
      T d = p[i] - t[i];                                                                       \
      s += d * d;                                                                              \
      g[i] = k * d;                                                                            \
    }                                                                                          \
    return s / n;                                                                              \
  }                                                                                            \
  static double mae_grad_##SUF(const T *p, const T *t, T *g, long n) {                         \
    double s = 0;                                                                              \
    T k = (T)(1.0 / n);                                                                        \
    for (long i = 0; i < n; i++) {                                                             \
      T d = p[i] - t[i];                                                                       \
      s += d < 0 ? -d : d;                                                                     \
      g[i] = k * (T)((d > 0) - (d < 0));                                                       \
    }                                                                                          \
    return s / n;                                                                              \
  }                                                                                            \
  /* Softmax cross-entropy, mean over B rows of C: max, exp and sum, scale. */                 \
  static double softmax_ce_##SUF(const T *x, const int32_t *y, T *g, long B, long C) {         \
    double loss = 0;                                                                           \
    T invB = (T)(1.0 / B);                                                                     \
    for (long i = 0; i < B; i++) {                                                             \
      const T *r = x + i * C;                                                                  \
      T *gr = g + i * C;                                                                       \
      T m = r[0];                                                                              \
      for (long j = 1; j < C; j++) m = r[j] > m ? r[j] : m;                                    \
      T s = 0;                                                                                 \
      for (long j = 0; j < C; j++) {                                                           \
        T e = EXP(r[j] - m);                                                                   \
        gr[j] = e;                                                                             \
        s += e;                                                                                \
      }                                                                                        \
      T k = invB / s;                                                                          \
      for (long j = 0; j < C; j++) gr[j] *= k;                                                 \
      gr[y[i]] -= invB;                                                                        \
      loss += (double)(LOG(s) + m - r[y[i]]);                                                  \
    }                                                                                          \
    return loss / B;                                                                           \
  }

DEFINE(double, f64, exp, log)
DEFINE(float, f32, expf, logf)

static volatile double sink;

/** Best ms per call: warm-up (100 ms, 3 calls at least), then SAMPLES samples of k calls. */
#define TIME(CALL, OUT)                                                                          \
  do {                                                                                         \
    double t_end = now_ms() + 100;                                                             \
    int calls = 0;                                                                             \
    while (calls < 3 || now_ms() < t_end) {                                                    \
      sink = (CALL);                                                                           \
      calls++;                                                                                 \
    }                                                                                          \
    long k = 1;                                                                                \
    for (;;) {                                                                                 \
      double t0 = now_ms();                                                                    \
      for (long q = 0; q < k; q++) sink = (CALL);                                              \
      if (now_ms() - t0 >= MIN_SAMPLE_MS || k >= (1L << 20)) break;                            \
      k *= 2;                                                                                  \
    }                                                                                          \
    double best = 1e300;                                                                       \
    for (int sm = 0; sm < SAMPLES; sm++) {                                                     \
      double t0 = now_ms();                                                                    \
      for (long q = 0; q < k; q++) sink = (CALL);                                              \
      double dt = (now_ms() - t0) / k;                                                         \
      if (dt < best) best = dt;                                                                \
    }                                                                                          \
    OUT = best;                                                                                \
  } while (0)

static double triad(double *a, const double *b, const double *c, long n) {
  for (long i = 0; i < n; i++) a[i] = b[i] + 3.0 * c[i];
  return a[n / 2];
}

int main(void) {
  char id[512], kernel[64], dtype[16];
  long n, classes;
  int first = 1;
  printf("{");
  while (scanf(" %511[^\t]\t%63s %15s %ld %ld", id, kernel, dtype, &n, &classes) == 5) {
    int f32 = strcmp(dtype, "float32") == 0;
    size_t el = f32 ? sizeof(float) : sizeof(double);
    long rows = strcmp(kernel, "softmax_ce") == 0 ? n / classes : 0;
    void *a = malloc(n * el), *b = malloc(n * el), *g = malloc(n * el);
    int32_t *y = malloc((rows > 0 ? rows : 1) * sizeof(int32_t));
    for (long i = 0; i < rows; i++) y[i] = (int32_t)((i * 7919) % classes);
    double ms = 0, value = 0;
    if (strcmp(kernel, "triad") == 0) {
      memset(a, 0, n * sizeof(double));
      fill_f64(b, n, 1);
      fill_f64(g, n, 2);
      TIME(triad(a, b, g, n), ms);
      value = sink;
    } else if (strcmp(kernel, "softmax_ce") == 0) {
      if (f32) {
        fill_f32(a, n, 3);
        TIME(softmax_ce_f32(a, y, g, rows, classes), ms);
      } else {
        fill_f64(a, n, 3);
        TIME(softmax_ce_f64(a, y, g, rows, classes), ms);
      }
      value = sink;
    } else {
      if (f32) {
        fill_f32(a, n, 1);
        fill_f32(b, n, 2);
      } else {
        fill_f64(a, n, 1);
        fill_f64(b, n, 2);
      }
      if (strcmp(kernel, "mse_value") == 0) {
        if (f32) TIME(mse_value_f32(a, b, n), ms);
        else TIME(mse_value_f64(a, b, n), ms);
      } else if (strcmp(kernel, "mse_grad") == 0) {
        if (f32) TIME(mse_grad_f32(a, b, g, n), ms);
        else TIME(mse_grad_f64(a, b, g, n), ms);
      } else if (strcmp(kernel, "mae_grad") == 0) {
        if (f32) TIME(mae_grad_f32(a, b, g, n), ms);
        else TIME(mae_grad_f64(a, b, g, n), ms);
      } else {
        fprintf(stderr, "strict_c: unknown kernel %s\n", kernel);
        return 2;
      }
      value = sink;
    }
    printf("%s\"%s\": {\"ms\": %.6g, \"value\": %.17g}", first ? "" : ", ", id, ms, value);
    fflush(stdout);
    first = 0;
    free(a);
    free(b);
    free(g);
    free(y);
  }
  printf("}\n");
  return 0;
}

export interface Stats {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

export const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Median, 95th percentile and maximum of some timings, in ms rounded to 0.01. Percentiles are by
 * nearest rank (the ceil(q·n)-th smallest): of 100 samples the p95 is the 95th, of 20 the 19th, not
 * the slowest. `n` is 0 when there was nothing to time (then every figure reads 0: report it as absent).
 */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  // The small margin keeps q·n that floating point makes a hair above a whole number (0.95·80) on it.
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length - 1e-9) - 1))] ?? 0;
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? 0), n: sorted.length };
}

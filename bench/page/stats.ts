export interface Stats {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

export const round = (ms: number) => Math.round(ms * 100) / 100;

/** Median, 95th percentile and maximum of some timings, in ms rounded to 0.01. */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? 0), n: sorted.length };
}

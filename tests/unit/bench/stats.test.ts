import { describe, expect, it } from 'vitest';
import { stats } from '../../../bench/page/stats';

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => n - i);

describe('bench stats', () => {
  it('takes the nearest-rank p95: of 1..100 the 95th value, not the 96th', () => {
    expect(stats(oneTo(100))).toMatchObject({ p95: 95, max: 100, n: 100 });
    expect(stats(oneTo(80)).p95).toBe(76);
    expect(stats(oneTo(500)).p95).toBe(475);
  });

  it('does not report the slowest sample as the p95 of 20', () => {
    expect(stats(oneTo(20))).toMatchObject({ p95: 19, max: 20 });
  });

  it('takes the nearest-rank median', () => {
    expect(stats(oneTo(30)).p50).toBe(15);
    expect(stats(oneTo(5)).p50).toBe(3);
  });

  it('says when there was nothing to measure', () => {
    expect(stats([])).toMatchObject({ n: 0 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset } from '@/lib/search/bitset';

const fromArray = (numbers: number[]) => {
  const set = new Bitset();
  for (const n of numbers) set.add(n);
  return set;
};
const numbers = fc.array(fc.nat(5000), { maxLength: 200 });

describe('Bitset', () => {
  it('holds what was added, in descending order, and counts it', () => {
    fc.assert(
      fc.property(numbers, (list) => {
        const set = fromArray(list);
        const expected = [...new Set(list)].sort((a, b) => b - a);
        expect(set.descending()).toEqual(expected);
        expect(set.size).toBe(expected.length);
        for (const n of list) expect(set.has(n)).toBe(true);
      }),
    );
  });

  it('gives its numbers in descending order too, the highest first, up to a limit', () => {
    fc.assert(
      fc.property(numbers, fc.nat(50), (list, limit) => {
        const expected = [...new Set(list)].sort((a, b) => b - a);
        expect(fromArray(list).descending()).toEqual(expected);
        expect(fromArray(list).descending(limit)).toEqual(expected.slice(0, limit));
      }),
    );
    expect(fromArray([31, 63, 0, 32]).descending()).toEqual([63, 32, 31, 0]);
  });

  it('intersects like a set, whichever of the two is longer', () => {
    fc.assert(
      fc.property(numbers, numbers, (a, b) => {
        const set = fromArray(a);
        set.intersect(fromArray(b));
        const inB = new Set(b);
        expect(set.descending()).toEqual([...new Set(a)].filter((n) => inB.has(n)).sort((x, y) => y - x));
      }),
    );
  });

  it('gives the largest numbers first when limited, and handles bit 31', () => {
    const set = fromArray([31, 63, 0, 32, 1000]);
    expect(set.descending(3)).toEqual([1000, 63, 32]);
    expect(set.has(31) && set.has(63) && !set.has(62)).toBe(true);
  });
});

/** A set of paper numbers as bits: unions and intersections of large sets in a few microseconds. */
export class Bitset {
  private words: Uint32Array;

  constructor(size = 0) {
    this.words = new Uint32Array(Math.ceil((size + 1) / 32));
  }

  add(n: number): void {
    const word = n >>> 5;
    if (word >= this.words.length) {
      const grown = new Uint32Array(Math.max(word + 1, this.words.length * 2));
      grown.set(this.words);
      this.words = grown;
    }
    this.words[word]! |= 1 << (n & 31);
  }

  has(n: number): boolean {
    return ((this.words[n >>> 5] ?? 0) & (1 << (n & 31))) !== 0;
  }

  /** Keeps only the numbers also in `other`. */
  intersect(other: Bitset): void {
    for (let i = 0; i < this.words.length; i++) this.words[i]! &= other.words[i] ?? 0;
  }

  get size(): number {
    let count = 0;
    for (let w of this.words) {
      w -= (w >>> 1) & 0x55555555;
      w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
      count += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return count;
  }

  /** The numbers in descending order (paper numbers: the newest papers first), at most `limit` of them. */
  descending(limit = Infinity): number[] {
    const out: number[] = [];
    for (let i = this.words.length - 1; i >= 0 && out.length < limit; i--) {
      let w = this.words[i]!;
      while (w && out.length < limit) {
        const bit = 31 - Math.clz32(w);
        out.push(i * 32 + bit);
        w &= ~(1 << bit);
      }
    }
    return out;
  }
}

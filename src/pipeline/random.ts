// The one source of randomness: a seeded generator passed to every stage that needs it.
// sfc32 seeded through splitmix32: fast, 32-bit, and identical on every JS engine.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** A new independent generator derived from this one and a label, so stages don't shift each other. */
  fork(label: string): Rng;
}

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    t ^= t >>> 15;
    return t >>> 0;
  };
}

function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  const init = splitmix32(seed >>> 0);
  // The state lives in a typed array, not in closure variables: engines with 31-bit small integers
  // (Chrome's pointer compression) would box every 32-bit state word on every draw.
  const s = new Int32Array(4);
  s[0] = init();
  s[1] = init();
  s[2] = init();
  s[3] = init();
  const nextU32 = (): number => {
    const a = s[0], b = s[1], c = s[2], d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    s[2] = (r + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextU32();
  const rng: Rng = {
    next: () => nextU32() / 4294967296,
    int: (n) => Math.floor((nextU32() / 4294967296) * n),
    chance: (p) => nextU32() / 4294967296 < p,
    pick: (items) => items[Math.floor((nextU32() / 4294967296) * items.length)],
    normal: () => {
      const u = (nextU32() + 1) / 4294967297;
      const v = nextU32() / 4294967296;
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    fork: (label) => createRng((nextU32() ^ hashLabel(label)) >>> 0),
  };
  return rng;
}

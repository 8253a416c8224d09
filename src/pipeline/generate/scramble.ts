// Opaque-looking ids without a lookup table: k → 1 + (a·k + b) mod m is a bijection on [0, m)
// when a and m are coprime, so devices and sessions get distinct, unordered numbers.
import type { Rng } from '../random';

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export class Scrambler {
  private readonly a: number;
  private readonly b: number;

  /** Maps 0 .. modulus-1 onto 1 .. modulus; a·k stays below 2^53 for modulus up to 10^9. */
  constructor(
    rng: Rng,
    private readonly modulus: number,
  ) {
    let a = 1_000_003 + rng.int(8_000_000);
    while (gcd(a, modulus) !== 1) a++;
    this.a = a;
    this.b = rng.int(modulus);
  }

  map(k: number): number {
    return 1 + ((k * this.a + this.b) % this.modulus);
  }
}

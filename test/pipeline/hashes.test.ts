import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fnv1a64 } from '../../src/pipeline/hash';
import { sha256Hex, sha256OfText } from '../../src/pipeline/sha256';

describe('FNV-1a 64 (bronze _record_hash, customer_key)', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('published vector %j', (input, hex) => expect(fnv1a64(input)).toBe(hex));

  it('hashes the UTF-8 bytes (same digest as hashing the encoded bytes one by one)', () => {
    const s = 'İstanbul, Şişli — 😀';
    let h = 0xcbf29ce484222325n;
    for (const b of new TextEncoder().encode(s)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
    expect(fnv1a64(s)).toBe(h.toString(16).padStart(16, '0'));
  });
});

describe('sha256 (audience email hashes, manifest digests)', () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 70_000])('matches node:crypto on %i bytes', (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 255);
    expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
  it('hashes text as UTF-8, ASCII fast path and otherwise', () => {
    for (const s of ['test@example.com', 'ayşe@örnek.com.tr', 'x'.repeat(300)]) {
      expect(sha256OfText(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
});

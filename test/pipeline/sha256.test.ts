import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256OfText } from '../../src/pipeline/sha256';

const reference = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const bytesOf = (s: string) => new TextEncoder().encode(s);

describe('sha256: published vectors (FIPS 180-4 examples)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    // 56 bytes: the padding no longer fits the block, a second one is needed
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('%j', (s, hex) => {
    expect(sha256OfText(s)).toBe(hex);
    expect(sha256Hex(bytesOf(s))).toBe(hex);
  });
});

describe('sha256 of text: the ASCII fast path and the encoder agree with node:crypto', () => {
  it('every ASCII length around the block boundaries, hashed in turn (no state left between digests)', () => {
    for (let n = 0; n <= 300; n++) {
      const s = Array.from({ length: n }, (_, i) => String.fromCharCode(33 + ((i * 7 + n) % 94))).join('');
      expect(sha256OfText(s)).toBe(reference(s));
      expect(sha256Hex(bytesOf(s))).toBe(reference(s));
    }
  });
  it.each(['ayşe@örnek.com.tr', 'İstanbul', '😀@example.com', 'a'.repeat(54) + 'é', 'lone \ud800 surrogate'])('non-ASCII %j as UTF-8', (s) => {
    expect(sha256OfText(s)).toBe(reference(s));
  });
  it('a long input after a short one, and a short one after a long one', () => {
    const long = new Uint8Array(1_000_003).map((_, i) => (i * 131) & 255);
    expect(sha256OfText('abc')).toBe(reference('abc'));
    expect(sha256Hex(long)).toBe(createHash('sha256').update(long).digest('hex'));
    expect(sha256OfText('test@example.com')).toBe(reference('test@example.com'));
  });
});

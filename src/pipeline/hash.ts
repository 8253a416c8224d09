// FNV-1a 64-bit over the UTF-8 bytes of a string, as 16 lower-case hex digits. Used for bronze
// `_record_hash` and for `customer_key`. Chosen over sha256 because it is ~10× faster in JS and
// the digests only need to be stable and well spread, not secret (sha256 is used where the
// contract asks for it: audience email hashes). Done in 16-bit limbs: exact, no BigInt.

// Module-level state: no closure per call on this hot path.
let h0 = 0, h1 = 0, h2 = 0, h3 = 0;

function mix(byte: number): void {
  h0 ^= byte;
  const t0 = h0 * 0x1b3;
  let t1 = h1 * 0x1b3;
  let t2 = h2 * 0x1b3 + (h0 << 8);
  const t3 = h3 * 0x1b3 + (h1 << 8);
  t1 += t0 >>> 16;
  h0 = t0 & 0xffff;
  t2 += t1 >>> 16;
  h1 = t1 & 0xffff;
  h3 = (t3 + (t2 >>> 16)) & 0xffff;
  h2 = t2 & 0xffff;
}

// The digest's 16 hex char codes, made into one flat string at once (not a rope of 8 pieces).
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const digestCodes: number[] = new Array<number>(16).fill(48);

function putHex4(at: number, n: number): void {
  digestCodes[at] = HEX_CODES[(n >>> 12) & 15];
  digestCodes[at + 1] = HEX_CODES[(n >>> 8) & 15];
  digestCodes[at + 2] = HEX_CODES[(n >>> 4) & 15];
  digestCodes[at + 3] = HEX_CODES[n & 15];
}

export function fnv1a64(s: string): string {
  fnvStart();
  fnvUpdate(s);
  return fnvDigest();
}

/** Streaming form: start, feed strings (as if concatenated), digest. One digest at a time. */
export function fnvStart(): void {
  h0 = 0x2325; h1 = 0x8422; h2 = 0x9ce4; h3 = 0xcbf2;
}

export function fnvDigest(): string {
  putHex4(0, h3);
  putHex4(4, h2);
  putHex4(8, h1);
  putHex4(12, h0);
  return String.fromCharCode.apply(null, digestCodes);
}

export function fnvUpdate(s: string): void {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) mix(c);
    else if (c < 0x800) {
      mix(0xc0 | (c >> 6));
      mix(0x80 | (c & 63));
    } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) < 0xe000) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      mix(0xf0 | (c >> 18));
      mix(0x80 | ((c >> 12) & 63));
      mix(0x80 | ((c >> 6) & 63));
      mix(0x80 | (c & 63));
    } else if (c >= 0xd800 && c < 0xe000) {
      // a lone surrogate: U+FFFD, as TextEncoder writes it
      mix(0xef);
      mix(0xbf);
      mix(0xbd);
    } else {
      mix(0xe0 | (c >> 12));
      mix(0x80 | ((c >> 6) & 63));
      mix(0x80 | (c & 63));
    }
  }
}

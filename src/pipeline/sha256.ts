// SHA-256 (FIPS 180-4), synchronous, for the browser worker and Node alike: audience email hashes
// and the manifest's file digests. Hand-rolled because WebCrypto is async-only and the library we
// tried ran 10× slower through module-interop getters in the hot loop.
// One digest at a time: the state, schedule and padding block are module-level typed arrays, so
// hashing an email allocates nothing but its hex string (a quarter of a million per run).

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** The running digest state and the message schedule. */
const H = new Int32Array(8);
const W = new Int32Array(64);
/** The padded last block or two; short ASCII text is written straight into it. */
const BLOCK_BYTES = 256;
const block = new Uint8Array(BLOCK_BYTES);

function compress(bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    W[i] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3];
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15], w2 = W[i - 2];
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
  }
  let a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
  H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
}

/**
 * Pads `block`, whose first `rest` bytes are the message's last partial block, and compresses it.
 * `totalBytes` is the whole message's length. Returns nothing: the digest is in H.
 */
function finish(rest: number, totalBytes: number): void {
  const end = rest < 56 ? 64 : 128;
  block[rest] = 0x80;
  block.fill(0, rest + 1, end - 8);
  // The length in bits as a 64-bit big-endian number (exact below 2^53 bits).
  const hi = Math.floor(totalBytes / 0x20000000);
  const lo = (totalBytes * 8) >>> 0;
  block[end - 8] = hi >>> 24; block[end - 7] = (hi >>> 16) & 255; block[end - 6] = (hi >>> 8) & 255; block[end - 5] = hi & 255;
  block[end - 4] = lo >>> 24; block[end - 3] = (lo >>> 16) & 255; block[end - 2] = (lo >>> 8) & 255; block[end - 1] = lo & 255;
  compress(block, 0);
  if (end === 128) compress(block, 64);
}

const HEX_DIGITS = '0123456789abcdef';
const hexCodes: number[] = new Array<number>(64).fill(0);

/** H as 64 lower-case hex digits: one flat string, not a rope of 32 two-digit pieces. */
function digestHex(): string {
  for (let i = 0; i < 8; i++) {
    const v = H[i];
    for (let k = 0; k < 8; k++) hexCodes[i * 8 + k] = HEX_DIGITS.charCodeAt((v >>> (28 - 4 * k)) & 15);
  }
  return String.fromCharCode.apply(null, hexCodes);
}

export function sha256Hex(bytes: Uint8Array): string {
  H.set(IV);
  const full = bytes.length - (bytes.length % 64);
  for (let off = 0; off < full; off += 64) compress(bytes, off);
  const rest = bytes.length - full;
  block.set(bytes.subarray(full));
  finish(rest, bytes.length);
  return digestHex();
}

const encoder = new TextEncoder();

/** sha256 of a string's UTF-8 bytes; short ASCII strings (emails) are written into the block directly. */
export function sha256OfText(s: string): string {
  const n = s.length;
  if (n < BLOCK_BYTES) {
    let ascii = true;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) {
        ascii = false;
        break;
      }
      block[i] = c;
    }
    if (ascii) {
      H.set(IV);
      const full = n - (n % 64);
      for (let off = 0; off < full; off += 64) compress(block, off);
      if (full > 0) block.copyWithin(0, full, n); // the partial last block to the front, for finish
      finish(n - full, n);
      return digestHex();
    }
  }
  return sha256Hex(encoder.encode(s));
}

// The generator's working parts added for speed: row sorting in place, column arenas, the email
// registry's hash table, email pieces and the word codes of names. Each must behave exactly like
// the simple version it replaces, since the generated data must not change.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/pipeline/random';
import { orderByKey, sortRows } from '../../src/pipeline/generate/sort';
import { ColumnArena } from '../../src/pipeline/generate/builders';
import { EmailRegistry, emailLocal, type EmailParts } from '../../src/pipeline/generate/contact';
import { FEMALE, MALE, nameTables, wordCode, wordList } from '../../src/pipeline/generate/name-tables';
import { asciiFold, LOCALES } from '../../src/pipeline/generate/locales';

describe('sortRows', () => {
  const cases = [
    { rows: 3, stride: 1 },
    { rows: 4096, stride: 4 }, // the comparison sort's last size
    { rows: 4097, stride: 4 }, // the radix sort's first
    { rows: 30_000, stride: 5 },
  ];
  it.each(cases)('$rows rows of $stride fields: whole rows in key order, equal keys in row order', ({ rows, stride }) => {
    const rng = createRng(rows);
    const data = Uint32Array.from({ length: rows * stride }, () => rng.int(2 ** 32));
    for (let i = 0; i < rows; i += 7) data[i * stride + 1 - (stride === 1 ? 1 : 0)] = 12345; // ties
    const field = stride === 1 ? 0 : 1;
    const before = data.slice();
    const order = orderByKey(before, rows, stride, field);
    sortRows(data, rows, stride, field);
    for (let k = 0; k < rows; k++) {
      expect(Array.from(data.subarray(k * stride, (k + 1) * stride))).toEqual(Array.from(before.subarray(order[k] * stride, (order[k] + 1) * stride)));
    }
  });
});

describe('ColumnArena', () => {
  it('hands out aligned columns of the table length that do not overlap', () => {
    const arena = new ColumnArena(5, 2, 3);
    const f = [arena.float64(), arena.float64()];
    const i = [arena.int32(), arena.int32(), arena.int32()];
    for (const c of [...f, ...i]) expect(c.length).toBe(5);
    f.forEach((c, k) => c.fill(k + 0.5));
    i.forEach((c, k) => c.fill(-(k + 1)));
    f.forEach((c, k) => expect(Array.from(c)).toEqual(Array(5).fill(k + 0.5)));
    i.forEach((c, k) => expect(Array.from(c)).toEqual(Array(5).fill(-(k + 1))));
  });
});

describe('EmailRegistry', () => {
  it('takes each address once, however its pieces are cut', () => {
    const registry = new EmailRegistry(10);
    expect(registry.claim(['ayse', '.', 'yilmaz', '84', '@', 'gmail.com'])).toBe(true);
    expect(registry.claim(['ayse.', '', 'yilmaz8', '4', '@', 'gmail.com'])).toBe(false);
    expect(registry.claim(['ayse', '.', 'yilmaz', '84', '@', 'yahoo.com'])).toBe(true);
  });
  it('keeps every address as its table grows far past the expected count', () => {
    // 24-bit hashes: a false clash among 2,000 addresses is unlikely, and these happen to have none.
    const registry = new EmailRegistry(4);
    for (let k = 0; k < 2000; k++) expect(registry.claim(['user', '', String(k), '', '@', 'x.com'])).toBe(true);
    for (let k = 0; k < 2000; k += 7) expect(registry.claim(['user', '', String(k), '', '@', 'x.com'])).toBe(false);
  });
});

describe('emailLocal', () => {
  it('writes the local part in four pieces that join to one of the name shapes', () => {
    const rng = createRng(3);
    const shapes = new Set(['ayse.yilmaz', 'ayseyilmaz', 'ayse.yilmaz84', 'ayse_yilmaz', 'ayilmaz', 'ayse84', 'yilmaz.ayse', 'ayseyilmaz84']);
    const parts: EmailParts = ['', '', '', '', '@', 'gmail.com'];
    const seen = new Set<string>();
    for (let k = 0; k < 300; k++) {
      emailLocal(rng, 'ayse', 'yilmaz', '84', parts);
      const local = parts.slice(0, 4).join('');
      expect(shapes.has(local), local).toBe(true);
      seen.add(local);
    }
    expect(seen.size).toBe(shapes.size);
  });
});

describe('name tables', () => {
  const t = nameTables();
  const words = wordList();
  it('codes every name, city and country as the word itself', () => {
    LOCALES.forEach((l, li) => {
      expect(t.firstCodes[li][MALE].map((c) => words[c])).toEqual(l.maleNames);
      expect(t.firstCodes[li][FEMALE].map((c) => words[c])).toEqual(l.femaleNames);
      expect(t.lastCodes[li][FEMALE].map((c) => words[c])).toEqual(l.lastNames.map((n) => n + l.femaleSuffix));
      expect(t.asciiLastCodes[li][MALE].map((c) => words[c])).toEqual(l.lastNames.map((n) => asciiFold(n, l.translit)));
      expect(t.cityCodes[li].map((c) => words[c])).toEqual(l.cities.map((c) => c[0]));
      expect(words[t.countryCodes[li]]).toBe(l.code);
    });
  });
  it('gives a word one code', () => {
    expect(wordCode('İstanbul')).toBe(t.cityCodes[0][0]);
    expect(words[wordCode('=1+1')]).toBe('=1+1');
  });
});

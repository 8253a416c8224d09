import { describe, expect, it } from 'vitest';
import { formatIsoUtc, parseIsoUtc } from '../../src/pipeline/time';

describe('timestamps: YYYY-MM-DDTHH:MM:SSZ, milliseconds allowed, real dates only', () => {
  const valid = [
    ['2026-06-30T12:00:00Z', Date.UTC(2026, 5, 30, 12)],
    ['2024-02-29T23:59:59Z', Date.UTC(2024, 1, 29, 23, 59, 59)],
    ['2026-06-30T12:00:00.5Z', Date.UTC(2026, 5, 30, 12, 0, 0, 500)],
    ['2026-06-30T12:00:00.123Z', Date.UTC(2026, 5, 30, 12, 0, 0, 123)],
    ['1999-12-31T00:00:00Z', Date.UTC(1999, 11, 31)],
  ] as const;
  it.each(valid)('parses %s', (s, ms) => expect(parseIsoUtc(s)).toBe(ms));

  const invalid = ['2026-02-30T10:00:00Z', '2025-02-29T10:00:00Z', '2026-13-01T00:00:00Z', '2026-06-30T24:00:00Z',
    '2026-06-30 12:00:00', '30/06/2026 10:00', '2026-06-30T12:00:00', '2026-06-30T12:00:00+03:00', '2026-06-30T12:00Z', 'not-a-date', ''];
  it.each(invalid)('refuses %s', (s) => expect(parseIsoUtc(s)).toBeNaN());

  it('formats whole seconds without milliseconds and round-trips', () => {
    for (const s of ['2026-06-30T12:00:00Z', '2024-02-29T23:59:59Z', '1970-01-01T00:00:00Z', '2030-12-31T23:59:59Z']) {
      expect(formatIsoUtc(parseIsoUtc(s))).toBe(s);
    }
    expect(formatIsoUtc(parseIsoUtc('2026-06-30T12:00:00.250Z'))).toBe('2026-06-30T12:00:00.250Z');
  });
});

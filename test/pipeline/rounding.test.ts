import { describe, expect, it } from 'vitest';
import { formatCents, formatDecimal } from '../../src/pipeline/rounding';

describe('rounding half away from zero, only when written', () => {
  const cases = [
    { name: 'tie up at 4 decimals', x: 1 / 32, d: 4, expected: '0.0313' },
    { name: 'tie from a ratio that floats cannot hold', x: 3 / 20000, d: 4, expected: '0.0002' },
    { name: 'tie 0.00005', x: 1 / 20000, d: 4, expected: '0.0001' },
    { name: 'negative tie away from zero', x: -1 / 32, d: 4, expected: '-0.0313' },
    { name: 'below tie', x: 0.03124, d: 4, expected: '0.0312' },
    { name: 'one', x: 1, d: 4, expected: '1.0000' },
    { name: 'zero', x: 0, d: 4, expected: '0.0000' },
    { name: 'tiny negative is zero', x: -0.00001, d: 4, expected: '0.0000' },
    { name: 'hours 2 decimals tie', x: 1.005, d: 2, expected: '1.01' },
    { name: 'hours 2 decimals', x: 36.123, d: 2, expected: '36.12' },
  ];
  it.each(cases)('$name', ({ x, d, expected }) => expect(formatDecimal(x, d)).toBe(expected));

  const money = [
    { name: 'whole cents', cents: 12345, expected: '123.45' },
    { name: 'average with half a cent rounds away', cents: 1001 / 2, expected: '5.01' },
    { name: 'average 10.005 exactly', cents: 2001 / 2, expected: '10.01' },
    { name: 'third of a cent', cents: 100 / 3, expected: '0.33' },
    { name: 'zero', cents: 0, expected: '0.00' },
    { name: 'negative', cents: -250, expected: '-2.50' },
  ];
  it.each(money)('money: $name', ({ cents, expected }) => expect(formatCents(cents)).toBe(expected));
});

// Rounding half away from zero, applied only when a value is written (contract: "Rounding happens
// only when a value is written"). Values here are mostly ratios of integers (averages, rates, cents),
// whose true decimal ties (x.xxxx5 exactly) float arithmetic can land a hair either side of; a
// difference under 1e-9 of the last unit is such a tie, since a ratio with a denominator below 10^8
// is never that close to a half without being one.
const TIE_EPSILON = 1e-9;

/** round(x · 10^decimals) half away from zero, as an integer. */
export function roundScaled(x: number, decimals: number): number {
  const y = Math.abs(x) * 10 ** decimals;
  const floor = Math.floor(y);
  const diff = y - floor;
  // For very large y the float error grows with it; the tolerance follows, still far below any
  // non-tie gap of an integer ratio.
  const tolerance = Math.max(TIE_EPSILON, y * 1e-15);
  const rounded = diff > 0.5 || Math.abs(diff - 0.5) < tolerance ? floor + 1 : floor;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Fixed-point text of an already scaled integer: fixedText(12345, 2) → "123.45". */
export function fixedText(scaled: number, decimals: number): string {
  if (scaled === 0) return decimals ? '0.' + '0'.repeat(decimals) : '0';
  const neg = scaled < 0;
  const digits = String(Math.abs(scaled));
  const padded = digits.length <= decimals ? '0'.repeat(decimals - digits.length + 1) + digits : digits;
  const cut = padded.length - decimals;
  const out = decimals ? padded.slice(0, cut) + '.' + padded.slice(cut) : padded;
  return neg ? '-' + out : out;
}

/** x rounded half away from zero to `decimals` places, as text with exactly that many decimals. */
export function formatDecimal(x: number, decimals: number): string {
  return fixedText(roundScaled(x, decimals), decimals);
}

/** Cents (possibly fractional, e.g. an average) as money text with exactly 2 decimals. */
export function formatCents(cents: number): string {
  return fixedText(roundScaled(cents, 0), 2);
}

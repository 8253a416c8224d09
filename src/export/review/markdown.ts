// Markdown helpers for the review: table cells escaped as the quality report escapes them, and
// numbers written by the lab's own rounding (never toLocaleString: same text in every engine).
import { formatDecimal } from '../../pipeline/rounding';

export const mdCell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.map(mdCell).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ];
}

/** `n / total` as a percentage with one decimal, e.g. `12.5%`; `n/a` without a total or a count. */
export function percent(n: number, total: number): string {
  return total > 0 && Number.isFinite(n) ? `${formatDecimal((100 * n) / total, 1)}%` : 'n/a';
}

/** `n (p%)`. */
export const countShare = (n: number, total: number) => `${n} (${percent(n, total)})`;

export const code = (s: string) => '`' + s + '`';

/** `x` with `decimals` places by the lab's rounding; `n/a` when it was not measured (NaN, ±Infinity). */
export function decimal(x: number, decimals: number): string {
  return Number.isFinite(x) ? formatDecimal(x, decimals) : 'n/a';
}

/** `a, b, c` with each name in code spans; `none` for an empty list. */
export const codeList = (names: readonly string[]) => (names.length ? names.map(code).join(', ') : 'none');

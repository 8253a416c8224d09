// Column widths measured from a page's text: with a fake measure (8 px a character, 10 px in the
// header font), each column fits its widest text plus padding, never passes the cap, and reports
// exactly the cells that wrap.
import { describe, expect, it } from 'vitest';
import { columnWidths, MAX_COLUMN_PX } from '../../src/app/lib/column-widths';

const fonts = { cell: 'cell', header: 'header', type: 'type' };
const measure = (text: string, font: string) => text.length * (font === 'header' ? 10 : font === 'type' ? 7 : 8);
const col = (name: string, typeLabel = 'text') => ({ name, typeLabel, headerExtraPx: 20 });

describe('columnWidths', () => {
  it('fits the header when the cells are narrower', () => {
    const w = columnWidths([col('customer_key')], [['c1'], ['c22']], fonts, 24, measure);
    expect(w.px).toEqual([12 * 10 + 20 + 1 + 24]);
  });

  it('fits the widest cell when it is wider than the header', () => {
    const w = columnWidths([col('id'), col('email')], [['1', 'a@b.c'], ['22', 'someone.long@example.com']], fonts, 24, measure);
    expect(w.px[1]).toBe(24 * 8 + 1 + 24);
    expect(w.total).toBe(w.px[0] + w.px[1]);
  });

  it('fits the type label when it is the widest text', () => {
    const w = columnWidths([col('n', 'decimal(4)')], [['1']], fonts, 24, measure);
    expect(w.px).toEqual([Math.ceil(10 * 7) + 1 + 24]);
  });

  it('caps a column and wraps only the cells wider than the cap', () => {
    const long = 'x'.repeat(100);
    const w = columnWidths([col('a'), col('user_agent')], [['1', 'short'], ['2', long], [long, 'ok']], fonts, 24, measure);
    expect(w.px[1]).toBe(MAX_COLUMN_PX);
    expect(w.px[0]).toBe(MAX_COLUMN_PX);
    expect(w.wraps(1, 1)).toBe(true);
    expect(w.wraps(2, 0)).toBe(true);
    expect(w.wraps(0, 1)).toBe(false);
    expect(w.wraps(2, 1)).toBe(false);
    expect(w.wraps(1, 0)).toBe(false);
  });

  it('rounds subpixel text up so it never wraps in its own column', () => {
    const w = columnWidths([col('a')], [['abc']], fonts, 0, (_t, f) => (f === 'cell' ? 40.2 : 1));
    expect(w.px).toEqual([42]);
  });
});

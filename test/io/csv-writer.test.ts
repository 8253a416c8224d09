import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, tableToCsv } from '../../src/io/csv-writer';
import { unneutralise } from '../../src/io/table-from-text';
import { makeTable, num, text } from '../../src/pipeline/table';

describe('formula neutralising (OWASP): a leading apostrophe on text a spreadsheet would run', () => {
  const cases = [
    { name: 'equals', input: '=HYPERLINK("http://x","y")', expected: `'=HYPERLINK("http://x","y")` },
    { name: 'at', input: '@SUM(A1)', expected: "'@SUM(A1)" },
    { name: 'tab', input: '\tx', expected: "'\tx" },
    { name: 'carriage return', input: '\rx', expected: "'\rx" },
    { name: 'line feed', input: '\nx', expected: "'\nx" },
    { name: 'phone with plus stays', input: '+90 532 111 22 33', expected: '+90 532 111 22 33' },
    { name: 'phone with brackets and dashes stays', input: '+1 (212) 555-0147', expected: '+1 (212) 555-0147' },
    { name: 'negative number text stays', input: '-12.50', expected: '-12.50' },
    { name: 'date-like with slashes stays', input: '-2026/01/01', expected: '-2026/01/01' },
    { name: 'minus with command', input: "-2+3+cmd|' /C calc'!A0", expected: "'-2+3+cmd|' /C calc'!A0" },
    { name: 'plus with letters', input: '+Ayse', expected: "'+Ayse" },
    { name: 'plain text', input: 'Ayse', expected: 'Ayse' },
    { name: 'empty', input: '', expected: '' },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(neutraliseFormula(input)).toBe(expected);
    expect(unneutralise(neutraliseFormula(input))).toBe(input);
  });

  it('never alters numeric columns', () => {
    expect(csvField('-12,50', 'money')).toBe('"-12,50"');
    expect(csvField('=1', 'integer')).toBe('=1');
    expect(csvField('=1', 'string')).toBe("'=1");
  });
});

describe('RFC 4180 output', () => {
  it('quotes only when needed, doubles quotes, ends lines with \\n, no BOM', () => {
    const schema = {
      name: 't', path: 'x/t.csv', layer: 'gold' as const, grain: '', description: '',
      columns: [
        { name: 'name', type: 'string' as const, description: '' },
        { name: 'amount', type: 'money' as const, description: '' },
      ],
    };
    const t = makeTable(schema, 4, [text(['a,b', 'say "hi"', null, 'line\nbreak']), num(Float64Array.from([1234, 5, NaN, -250]))]);
    const csv = new TextDecoder().decode(tableToCsv(t));
    expect(csv).toBe('name,amount\n"a,b",12.34\n"say ""hi""",0.05\n,\n"line\nbreak",-2.50\n');
  });
});

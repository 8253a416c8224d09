// Our Markdown reader: each rule the review, topics.md and the SQL README rely on, as input and the
// blocks or spans it gives; then the React output, which holds text only, never markup from a file.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { parseBlocks, parseInline, splitRow } from '../../src/app/lib/markdown-parse';
import { Markdown } from '../../src/app/lib/markdown';

describe('markdown blocks', () => {
  const cases: { name: string; input: string; expected: unknown }[] = [
    { name: 'headings by level', input: '# Title\n\n## Section ##', expected: [{ kind: 'heading', level: 1, text: 'Title' }, { kind: 'heading', level: 2, text: 'Section' }] },
    { name: 'a paragraph joins its lines', input: 'one\ntwo\n\nthree', expected: [{ kind: 'paragraph', text: 'one two' }, { kind: 'paragraph', text: 'three' }] },
    {
      name: 'a bullet list with a wrapped item',
      input: '- a\n  still a\n- b\nafter',
      expected: [{ kind: 'list', ordered: false, start: 1, items: ['a still a', 'b after'] }],
    },
    { name: 'a numbered list keeps its start', input: '3. c\n4. d', expected: [{ kind: 'list', ordered: true, start: 3, items: ['c', 'd'] }] },
    {
      name: 'a pipe table with header, alignment and a short row',
      input: '| a | b |\n|---|--:|\n| 1 | 2 |\n| 3 |',
      expected: [{ kind: 'table', header: ['a', 'b'], align: [null, 'right'], rows: [['1', '2'], ['3', '']] }],
    },
    { name: 'a pipe line without a delimiter row is text', input: '| not a table', expected: [{ kind: 'paragraph', text: '| not a table' }] },
    { name: 'fenced code keeps its lines', input: '```sh\nmkdir -p out\n  duckdb < run.sql\n```', expected: [{ kind: 'code', lang: 'sh', text: 'mkdir -p out\n  duckdb < run.sql' }] },
  ];
  for (const c of cases) it(c.name, () => expect(parseBlocks(c.input)).toEqual(c.expected));

  it('splits cells on unescaped pipes only', () => {
    expect(splitRow('| `a\\|b` | c \\\\| d |')).toEqual(['`a|b`', 'c \\\\', 'd']);
  });
});

describe('markdown inline', () => {
  const cases: { name: string; input: string; expected: unknown }[] = [
    { name: 'code span, its text literal', input: 'see `**x**`', expected: [{ kind: 'text', text: 'see ' }, { kind: 'code', text: '**x**' }] },
    { name: 'bold around code', input: '**The `rule`.**', expected: [{ kind: 'strong', children: [{ kind: 'text', text: 'The ' }, { kind: 'code', text: 'rule' }, { kind: 'text', text: '.' }] }] },
    { name: 'italics', input: 'the *product*', expected: [{ kind: 'text', text: 'the ' }, { kind: 'em', children: [{ kind: 'text', text: 'product' }] }] },
    { name: 'a lone star is text', input: '2 * 3 and consent_*', expected: [{ kind: 'text', text: '2 * 3 and consent_*' }] },
    { name: 'a link keeps its text', input: '[docs](https://x.y)', expected: [{ kind: 'link', href: 'https://x.y', children: [{ kind: 'text', text: 'docs' }] }] },
    { name: 'escapes', input: 'a \\* b \\\\', expected: [{ kind: 'text', text: 'a * b \\' }] },
  ];
  for (const c of cases) it(c.name, () => expect(parseInline(c.input)).toEqual(c.expected));
});

describe('markdown as React', () => {
  const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text, headingOffset: 2, idPrefix: 'r' }));

  it('shifts headings and names a table by the heading above it', () => {
    const out = html('# Review\n\n## Quality\n\n| check | status |\n|---|---|\n| `x` | PASS |');
    expect(out).toContain('<h3 id="r-review">Review</h3>');
    expect(out).toContain('<h4 id="r-quality">Quality</h4>');
    expect(out).toContain('<table aria-labelledby="r-quality"><thead><tr><th scope="col">check</th>');
    expect(out).toContain('<td class="nowrap"><code>x</code></td><td class="nowrap">PASS</td>');
  });

  it('shows HTML in a file as text', () => {
    const out = html('<script>alert(1)</script> and <b>bold</b>\n\n- [x](javascript:alert(1))');
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('href=');
    expect(out).toContain('&lt;script&gt;');
  });
});

// The Markdown our own files are written in (the review, topics.md, the SQL README), read into
// blocks and inline spans. Only what those files use: headings, paragraphs, lists, pipe tables,
// fenced code, code spans, bold, italics and links. Anything else stays text: the reader shows it,
// never interprets it.

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'em'; readonly children: readonly Inline[] }
  | { readonly kind: 'link'; readonly children: readonly Inline[]; readonly href: string };

export type Align = 'left' | 'center' | 'right' | null;

/** Text of headings, paragraphs, items and cells is raw inline Markdown, read by parseInline. */
export type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly align: readonly Align[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'code'; readonly lang: string; readonly text: string };

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)/;
const BULLET = /^ {0,3}[-*+]\s+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)]\s+(.*)$/;
const TABLE_ROW = /^\s*\|/;
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

interface Item {
  readonly ordered: boolean;
  readonly start: number;
  readonly text: string;
}

function listItem(line: string): Item | null {
  const b = BULLET.exec(line);
  if (b) return { ordered: false, start: 1, text: b[1] };
  const o = ORDERED.exec(line);
  return o ? { ordered: true, start: Number(o[1]), text: o[2] } : null;
}

const isTableStart = (lines: readonly string[], i: number) => TABLE_ROW.test(lines[i]) && i + 1 < lines.length && DELIMITER_ROW.test(lines[i + 1]);

function startsBlock(lines: readonly string[], i: number): boolean {
  const line = lines[i];
  return HEADING.test(line) || FENCE.test(line) || listItem(line) !== null || isTableStart(lines, i);
}

/** Cells of a pipe-table row. `\|` is a pipe inside a cell, code spans included (as in GFM). */
export function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && s[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '\\' && i + 1 < s.length) {
      cell += c + s[i + 1]; // left for parseInline to unescape
      i++;
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  if (cell.trim() !== '') cells.push(cell.trim());
  return cells;
}

function alignOf(cell: string): Align {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
}

/** Exactly `n` cells: short rows padded with empty cells, long rows cut. */
function fit<T>(cells: readonly T[], n: number, pad: T): T[] {
  return Array.from({ length: n }, (_, i) => (i < cells.length ? cells[i] : pad));
}

export function parseBlocks(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) body.push(lines[i++]);
      i++; // the closing fence; an unclosed block runs to the end
      blocks.push({ kind: 'code', lang: fence[2], text: body.join('\n') });
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2] });
      i++;
      continue;
    }

    if (isTableStart(lines, i)) {
      const header = splitRow(line);
      const align = fit(splitRow(lines[i + 1]).map(alignOf), header.length, null);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && TABLE_ROW.test(lines[i])) rows.push(fit(splitRow(lines[i++]), header.length, ''));
      blocks.push({ kind: 'table', header, align, rows });
      continue;
    }

    const first = listItem(line);
    if (first) {
      const items = [first.text];
      i++;
      while (i < lines.length) {
        const next = lines[i].trim() === '' ? null : listItem(lines[i]);
        if (next) {
          if (next.ordered !== first.ordered) break;
          items.push(next.text);
          i++;
        } else if (lines[i].trim() === '') {
          // A blank line ends the list unless another item of it follows.
          const after = i + 1 < lines.length ? listItem(lines[i + 1]) : null;
          if (!after || after.ordered !== first.ordered) break;
          i++;
        } else if (!startsBlock(lines, i)) {
          items[items.length - 1] += ' ' + lines[i].trim(); // the item's text wrapped onto the next line
          i++;
        } else break;
      }
      blocks.push({ kind: 'list', ordered: first.ordered, start: first.start, items });
      continue;
    }

    const text = [line.trim()];
    i++;
    while (i < lines.length && lines[i].trim() !== '' && !startsBlock(lines, i)) text.push(lines[i++].trim());
    blocks.push({ kind: 'paragraph', text: text.join(' ') });
  }
  return blocks;
}

const ESCAPABLE = new Set('\\`*_{}[]()#+-.!|<>~'.split(''));

/** Where the `*` that closes an emphasis opened before `from` is: not doubled, not after a space. */
function closingStar(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '`') {
      const end = text.indexOf('`', j + 1);
      if (end > j) j = end; // a star inside a code span closes nothing
    } else if (text[j] === '*' && text[j - 1] !== ' ' && text[j - 1] !== '\\' && text[j + 1] !== '*') return j;
  }
  return -1;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push({ kind: 'text', text: buf });
    buf = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && ESCAPABLE.has(text[i + 1] ?? '')) {
      buf += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(run, i + run.length);
      if (end !== -1) {
        flush();
        const inner = text.slice(i + run.length, end);
        // One space each side lets a code span start or end with a backtick; it is not content.
        const trimmed = inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '' ? inner.slice(1, -1) : inner;
        out.push({ kind: 'code', text: trimmed });
        i = end + run.length;
      } else {
        buf += run;
        i += run.length;
      }
      continue;
    }
    if (text.startsWith('**', i) && text[i + 2] !== undefined && text[i + 2] !== ' ') {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2 && text[end - 1] !== ' ') {
        flush();
        out.push({ kind: 'strong', children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if (c === '*' && text[i + 1] !== undefined && text[i + 1] !== ' ' && text[i + 1] !== '*') {
      const end = closingStar(text, i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'em', children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[') {
      const link = /^\[([^\]]*)\]\(([^)\s]*)\)/.exec(text.slice(i));
      if (link) {
        flush();
        out.push({ kind: 'link', children: parseInline(link[1]), href: link[2] });
        i += link[0].length;
        continue;
      }
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}

/** Plain text of inline Markdown: for ids and accessible names. */
export function inlineText(spans: readonly Inline[]): string {
  return spans.map((s) => (s.kind === 'text' || s.kind === 'code' ? s.text : inlineText(s.children))).join('');
}

// Our Markdown as React elements. Every piece of text goes through React as text, so nothing in a
// file can become markup or script; links show as their text only (the files' links point into
// the run tree, which a browser cannot open).
import { Fragment, useMemo, type ReactNode } from 'react';
import { inlineText, parseBlocks, parseInline, type Block, type Inline } from './markdown-parse';

export interface MarkdownProps {
  text: string;
  /** Added to every heading level, so `#` fits under the page's own headings (1: `#` is an h2). */
  headingOffset?: number;
  /** Prefix of heading ids, unique on the page. */
  idPrefix: string;
}

export function Markdown({ text, headingOffset = 0, idPrefix }: MarkdownProps) {
  const blocks = useMemo(() => parseBlocks(text), [text]);
  const ids = useMemo(() => headingIds(blocks, idPrefix), [blocks, idPrefix]);
  // A table is named by the heading it sits under, so a reader (and a test) can ask for it by name.
  let lastHeading: string | undefined;
  return (
    <div className="md">
      {blocks.map((b, i) => {
        if (b.kind === 'heading') lastHeading = ids.get(i);
        return <BlockView key={i} block={b} id={ids.get(i)} offset={headingOffset} labelledBy={lastHeading} />;
      })}
    </div>
  );
}

function BlockView({ block: b, id, offset, labelledBy }: { block: Block; id?: string; offset: number; labelledBy?: string }) {
  switch (b.kind) {
    case 'heading': {
      const Tag = `h${Math.min(6, b.level + offset)}` as 'h2';
      return (
        <Tag id={id}>
          <Spans text={b.text} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p>
          <Spans text={b.text} />
        </p>
      );
    case 'list': {
      const items = b.items.map((t, i) => (
        <li key={i}>
          <Spans text={t} />
        </li>
      ));
      return b.ordered ? <ol start={b.start === 1 ? undefined : b.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <div className="table-scroll compact md-table">
          <table aria-labelledby={labelledBy}>
            <thead>
              <tr>
                {b.header.map((h, i) => (
                  <th key={i} scope="col" style={b.align[i] ? { textAlign: b.align[i]! } : undefined}>
                    <Spans text={h} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, ri) => (
                <tr key={ri}>
                  {r.map((c, ci) => (
                    <td key={ci} className={isShort(c) ? 'nowrap' : undefined} style={b.align[ci] ? { textAlign: b.align[ci]! } : undefined}>
                      <Spans text={c} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'code':
      return (
        <pre className="md-code" tabIndex={0}>
          <code>{b.text}</code>
        </pre>
      );
  }
}

/**
 * A cell short enough to keep on one line: a count with its share, a label. Long cells wrap, and
 * short ones would otherwise break mid-value when the browser gives their column little room.
 */
const isShort = (cell: string) => inlineText(parseInline(cell)).length <= 24;

function Spans({ text }: { text: string }) {
  return <>{renderInline(parseInline(text))}</>;
}

function renderInline(spans: readonly Inline[]): ReactNode[] {
  return spans.map((s, i) => {
    switch (s.kind) {
      case 'text':
        return <Fragment key={i}>{s.text}</Fragment>;
      case 'code':
        return <code key={i}>{s.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInline(s.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(s.children)}</em>;
      case 'link':
        return (
          <span key={i} className="md-link" title={s.href}>
            {renderInline(s.children)}
          </span>
        );
    }
  });
}

/** `prefix-quality-and-freshness-review`, numbered when a heading text repeats. */
function headingIds(blocks: readonly Block[], prefix: string): Map<number, string> {
  const ids = new Map<number, string>();
  const seen = new Map<string, number>();
  blocks.forEach((b, i) => {
    if (b.kind !== 'heading') return;
    const slug = inlineText(parseInline(b.text)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'section';
    const n = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, n);
    ids.set(i, `${prefix}-${slug}${n > 1 ? `-${n}` : ''}`);
  });
  return ids;
}

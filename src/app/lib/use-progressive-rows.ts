// A page of a wide table is a thousand cells or more: creating, styling and laying them out in one
// commit is a long task. The rows are drawn a batch per frame (the first batch at once), so each
// commit and each frame's style and layout stay short and the first rows appear sooner.
import { startTransition, useEffect, useState } from 'react';

const BATCH_ROWS = 12;

/** How many of `rows` to draw now; grows by a batch per frame until it is all of them. */
export function useProgressiveRows(rows: readonly unknown[]): number {
  const [shown, setShown] = useState({ rows, count: Math.min(rows.length, BATCH_ROWS) });
  const current = shown.rows === rows ? shown : { rows, count: Math.min(rows.length, BATCH_ROWS) };
  if (current !== shown) setShown(current);
  useEffect(() => {
    if (current.count >= rows.length) return;
    // After the frame that shows this batch, so each batch's style, layout and paint is its own
    // frame: a timeout alone can run several batches before the browser renders, and that one
    // frame then styles and lays out all of them at once (40 ms at 37 columns).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown({ rows, count: Math.min(rows.length, current.count + BATCH_ROWS) })), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [rows, current.count]);
  return current.count;
}

// A page of a wide table is a thousand cells or more: creating, styling and laying them out in one
// commit is a long task. The rows are drawn a batch per task (the first batch at once), so each
// commit and each frame's style work stay short and the first rows appear sooner.
import { startTransition, useEffect, useState } from 'react';

const BATCH_ROWS = 12;

/** How many of `rows` to draw now; grows by a batch per task until it is all of them. */
export function useProgressiveRows(rows: readonly unknown[]): number {
  const [shown, setShown] = useState({ rows, count: Math.min(rows.length, BATCH_ROWS) });
  const current = shown.rows === rows ? shown : { rows, count: Math.min(rows.length, BATCH_ROWS) };
  if (current !== shown) setShown(current);
  useEffect(() => {
    if (current.count >= rows.length) return;
    // After the frame that shows this batch, so each batch's layout and paint is its own task.
    const id = setTimeout(() => startTransition(() => setShown({ rows, count: Math.min(rows.length, current.count + BATCH_ROWS) })), 0);
    return () => clearTimeout(id);
  }, [rows, current.count]);
  return current.count;
}

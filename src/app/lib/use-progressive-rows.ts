// A page of a wide table is a thousand cells or more: creating, styling and laying them out in one
// commit is a long task. The first rows are drawn at once, the rest in the next task, so each
// commit stays short and the first rows appear sooner.
import { startTransition, useEffect, useState } from 'react';

const FIRST_ROWS = 12;

/** How many of `rows` to draw now; grows to all of them one task after `rows` changes. */
export function useProgressiveRows(rows: readonly unknown[]): number {
  const [shown, setShown] = useState({ rows, count: Math.min(rows.length, FIRST_ROWS) });
  const current = shown.rows === rows ? shown : { rows, count: Math.min(rows.length, FIRST_ROWS) };
  if (current !== shown) setShown(current);
  useEffect(() => {
    if (current.count >= rows.length) return;
    const id = setTimeout(() => startTransition(() => setShown({ rows, count: rows.length })), 0);
    return () => clearTimeout(id);
  }, [rows, current.count]);
  return current.count;
}

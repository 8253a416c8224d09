// Staging a chart's mount across tasks. Recharts 3 registers each axis and series from layout
// effects into its store, then re-renders the whole chart synchronously. Mounting everything at once
// was one task of 50-80 ms per chart here; frame and axes first, series one task later, is two
// tasks under 50 ms.
import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Renders its children one task after it mounts. Inside a chart, the series mount after the frame
 * and axes, so Recharts' registration re-renders are two tasks of half the size instead of one.
 */
export function Later({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => startTransition(() => setShown(true)), 0);
    return () => clearTimeout(id);
  }, []);
  return shown ? children : null;
}

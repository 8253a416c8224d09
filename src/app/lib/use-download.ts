// One download at a time per place on screen (a table's toolbar, a card, the run header): which one
// is being made, and why the last one failed, so every download button says the same things.
import { useCallback, useState } from 'react';
import { errorMessage } from '../../worker/client';

export interface Download {
  /** Key of the download being made, null when none is. */
  busy: string | null;
  error: string | null;
  start: (key: string, make: () => Promise<void>) => Promise<void>;
}

export function useDownload(): Download {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = useCallback(async (key: string, make: () => Promise<void>) => {
    setBusy(key);
    setError(null);
    try {
      await make();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, start };
}

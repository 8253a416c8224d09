// Asks the worker for something small (a page, a count, a profile) and keeps the last answer on
// screen while the next one is on its way. Answers to superseded requests are dropped.
import { startTransition, useEffect, useRef, useState } from 'react';
import { errorMessage, getPipeline } from '../../worker/client';
import type { PipelineApi } from '../../worker/api';
import type { Remote } from 'comlink';
import { useRun } from '../shell/run-context';

export interface QueryState<T> {
  data: T | undefined;
  /** Key of the request `data` answers. */
  dataKey: string | undefined;
  loading: boolean;
  error: string | undefined;
}

/**
 * `key` identifies the request (JSON of its inputs); `fetcher` runs it. Refetches when the key or
 * the run changes; does nothing while `enabled` is false or there is no run on screen.
 */
export function useWorkerQuery<T>(
  key: string,
  fetcher: (api: Remote<PipelineApi>) => Promise<T>,
  enabled = true,
): QueryState<T> {
  const { summary, runId } = useRun();
  const [state, setState] = useState<QueryState<T>>({ data: undefined, dataKey: undefined, loading: false, error: undefined });
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const active = enabled && summary !== null;

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    const fullKey = `${runId}|${key}`;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    fetcherRef.current(getPipeline()).then(
      (data) => {
        // A transition: drawing the answer (a page of rows, a chart) is sliced into short tasks.
        if (!cancelled) startTransition(() => setState({ data, dataKey: fullKey, loading: false, error: undefined }));
      },
      (e: unknown) => {
        if (!cancelled) setState((s) => ({ ...s, loading: false, error: errorMessage(e) }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, runId, active]);

  return state;
}

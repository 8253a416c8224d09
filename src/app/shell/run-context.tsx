// Owns the pipeline runs. The URL says which run is wanted; one run at a time goes to the worker,
// the latest wish wins, and the previous result stays on screen until the new one is ready.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Comlink, errorMessage, getPipeline, onWorkerCrash, restartPipeline } from '../../worker/client';
import type { Progress, RunSummary } from '../../worker/api';
import { DEFAULT_PARAMS, type RunParams } from '../../pipeline/params';
import { paramsKey, runTextOf } from '../lib/run-params';
import type { RunText } from '../lib/url-state';

export const STAGES = ['generate', 'bronze', 'silver', 'gold', 'quality'] as const;

export interface RunFailure {
  message: string;
  params: RunParams;
  /** The worker died (for example out of memory): its tables are gone. */
  crashed: boolean;
}

export interface RunState {
  /** The result on screen. */
  summary: RunSummary | null;
  /** Changes whenever `summary` does: views refetch their pages on it. */
  runId: number;
  /** Parameters of the run in progress. */
  running: RunParams | null;
  /** Progress per stage, 0..1. */
  progress: Readonly<Record<string, number>>;
  failure: RunFailure | null;
  dismissFailure: () => void;
  /** Restart the worker and run these parameters at the default size. */
  recover: () => void;
}

const RunContext = createContext<RunState | null>(null);

export function useRun(): RunState {
  const ctx = useContext(RunContext);
  if (!ctx) throw new Error('useRun outside RunProvider');
  return ctx;
}

interface Props {
  wanted: RunParams;
  /** Rewrites the URL's run parameters (replace, not push). */
  replaceRun: (run: RunText) => void;
  children: ReactNode;
}

export function RunProvider({ wanted, replaceRun, children }: Props) {
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [runId, setRunId] = useState(0);
  const [running, setRunning] = useState<RunParams | null>(null);
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [failure, setFailure] = useState<RunFailure | null>(null);

  const wantedRef = useRef(wanted);
  wantedRef.current = wanted;
  const summaryRef = useRef<RunSummary | null>(null);
  const inFlight = useRef<string | null>(null);
  /** Bumped when a run is abandoned (worker crash): its late answer is ignored. */
  const generation = useRef(0);
  const failedKey = useRef<string | null>(null);
  const crashOff = useRef<(() => void) | null>(null);
  const crashApi = useRef<unknown>(null);
  const replaceRunRef = useRef(replaceRun);
  replaceRunRef.current = replaceRun;

  const progressBuf = useRef<Record<string, number>>({});
  const progressFrame = useRef(0);

  /** Drops the worker and its tables (after a crash, or to recover); the next run starts a fresh one. */
  const resetWorker = useCallback((failed: string | null) => {
    generation.current++;
    inFlight.current = null;
    failedKey.current = failed;
    crashOff.current?.();
    crashOff.current = null;
    crashApi.current = null;
    restartPipeline();
    summaryRef.current = null;
    setSummary(null);
    setRunId((n) => n + 1);
    setRunning(null);
  }, []);

  const pump = useCallback(() => {
    if (inFlight.current !== null) return;
    const p = wantedRef.current;
    const key = paramsKey(p);
    if (summaryRef.current && paramsKey(summaryRef.current.params) === key) return;
    if (failedKey.current === key) return;

    const api = getPipeline();
    if (crashApi.current !== api) {
      crashOff.current?.();
      crashApi.current = api;
      crashOff.current = onWorkerCrash((message) => onCrash(message));
    }

    const gen = generation.current;
    inFlight.current = key;
    progressBuf.current = {};
    setProgress({});
    setRunning(p);
    const onProgress = Comlink.proxy((pr: Progress) => {
      if (gen !== generation.current) return;
      progressBuf.current = { ...progressBuf.current, [pr.stage]: pr.total > 0 ? Math.min(1, pr.done / pr.total) : 1 };
      if (!progressFrame.current) {
        progressFrame.current = requestAnimationFrame(() => {
          progressFrame.current = 0;
          setProgress(progressBuf.current);
        });
      }
    });

    api.run(p, onProgress).then(
      (s) => {
        if (gen !== generation.current) return;
        inFlight.current = null;
        failedKey.current = null;
        summaryRef.current = s;
        setSummary(s);
        setRunId((n) => n + 1);
        setRunning(null);
        setFailure(null);
        pump();
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        inFlight.current = null;
        failedKey.current = key;
        setRunning(null);
        setFailure({ message: errorMessage(e), params: p, crashed: false });
        // The screen keeps the previous result; make the URL say so, so a shared link works.
        if (summaryRef.current) replaceRunRef.current(runTextOf(summaryRef.current.params));
      },
    );

    function onCrash(message: string) {
      const params = inFlight.current !== null ? wantedRef.current : summaryRef.current?.params ?? wantedRef.current;
      resetWorker(paramsKey(params));
      setFailure({ message: message || 'The data worker stopped unexpectedly.', params, crashed: true });
    }
  }, [resetWorker]);

  useEffect(() => {
    pump();
  }, [wanted, pump]);

  useEffect(
    () => () => {
      crashOff.current?.();
      cancelAnimationFrame(progressFrame.current);
    },
    [],
  );

  const dismissFailure = useCallback(() => setFailure(null), []);

  const recover = useCallback(() => {
    const base = failure?.params ?? wantedRef.current;
    resetWorker(null);
    setFailure(null);
    const next: RunParams = { ...base, customers: DEFAULT_PARAMS.customers };
    wantedRef.current = next;
    replaceRunRef.current(runTextOf(next));
    pump();
  }, [failure, pump, resetWorker]);

  const value = useMemo<RunState>(
    () => ({ summary, runId, running, progress, failure, dismissFailure, recover }),
    [summary, runId, running, progress, failure, dismissFailure, recover],
  );
  return <RunContext.Provider value={value}>{children}</RunContext.Provider>;
}

// The live session seen from the page: the worker replays the stream on its own timers; the page
// asks for one snapshot per animation frame while it plays (never more than one call in flight),
// and once when paused. Rates come from successive snapshots, not from events.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, getPipeline } from '../../../worker/client';
import type { LiveComparison, LiveSpeed, LiveView } from '../../../worker/api';
import { useRun } from '../../shell/run-context';

export const DEFAULT_LATENESS_MINUTES = 60;
/** Counters with a per-second rate on screen. */
export const RATE_KINDS = ['profile_created', 'profiles_merged', 'profile_split', 'profile_updated'] as const;
const RATE_WINDOW_MS = 1000;
/** Up to about 10,000 customers the end comparison runs by itself (a couple of seconds of worker time). */
export const AUTO_COMPARE_ARRIVALS = 300_000;

export interface LiveSession {
  view: LiveView | null;
  error: string | null;
  /** Per second of real time over about the last second: each RATE_KINDS entry, and `arrivals` applied. */
  rates: Readonly<Record<string, number>>;
  comparison: LiveComparison | null;
  comparing: boolean;
  /** Writes the live state's files and compares them (automatic for runs up to AUTO_COMPARE_ARRIVALS). */
  compare: () => void;
  /** Asks the worker, then shows its answer. */
  act: (f: (api: ReturnType<typeof getPipeline>) => Promise<LiveView | unknown>) => Promise<void>;
  restart: (latenessMinutes: number) => Promise<void>;
  setSpeed: (speed: LiveSpeed) => Promise<void>;
}

interface Sample {
  at: number;
  position: number;
  counts: Record<string, number>;
}

export function useLiveSession(): LiveSession {
  const { runId, summary } = useRun();
  const [view, setView] = useState<LiveView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rates, setRates] = useState<Record<string, number>>({});
  const [comparison, setComparison] = useState<LiveComparison | null>(null);
  const [comparing, setComparing] = useState(false);
  const samples = useRef<Sample[]>([]);
  const inFlight = useRef(false);
  const alive = useRef(true);

  const show = useCallback((v: LiveView | null) => {
    if (!alive.current) return;
    // A transition: React may slice the redraw of a frame's snapshot instead of one long task.
    startTransition(() => setView(v));
    if (!v) return;
    const now = performance.now();
    const list = samples.current;
    list.push({ at: now, position: v.position, counts: v.counts });
    while (list.length > 2 && now - list[1].at >= RATE_WINDOW_MS) list.shift();
    const first = list[0], dt = (now - first.at) / 1000;
    const moving = dt > 0.05 && v.speed !== 0;
    const next = Object.fromEntries(RATE_KINDS.map((k) => [k, moving ? (v.counts[k] - first.counts[k]) / dt : 0]));
    next.arrivals = moving ? (v.position - first.position) / dt : 0;
    startTransition(() => setRates(next));
  }, []);

  const act = useCallback(
    async (f: (api: ReturnType<typeof getPipeline>) => Promise<LiveView | unknown>) => {
      try {
        const answer = await f(getPipeline());
        if (answer && typeof answer === 'object' && 'position' in answer) show(answer as LiveView);
        else show(await getPipeline().liveSnapshot());
        setError(null);
      } catch (e) {
        if (alive.current) setError(errorMessage(e));
      }
    },
    [show],
  );

  const restart = useCallback(
    async (latenessMinutes: number) => {
      samples.current = [];
      setComparison(null);
      await act((api) => api.liveStart({ allowedLatenessMs: latenessMinutes * 60_000 }));
    },
    [act],
  );

  const setSpeed = useCallback((speed: LiveSpeed) => act((api) => api.liveSpeed(speed)), [act]);

  // A session for the run on screen: the worker's, if it still has one for this run, else a new one.
  useEffect(() => {
    if (!summary) return;
    alive.current = true;
    setComparison(null);
    samples.current = [];
    void act(async (api) => (await api.liveSnapshot()) ?? api.liveStart({ allowedLatenessMs: DEFAULT_LATENESS_MINUTES * 60_000 }));
    return () => {
      alive.current = false;
      // Leaving the view pauses the replay, so other views' queries have the worker to themselves.
      void getPipeline().liveSpeed(0).catch(() => undefined);
    };
  }, [runId, summary, act]);

  // While playing: one snapshot per frame, never two in flight.
  const playing = view !== null && view.speed !== 0 && !view.done;
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const loop = () => {
      frame = requestAnimationFrame(loop);
      if (inFlight.current) return;
      inFlight.current = true;
      getPipeline()
        .liveSnapshot()
        .then(show, (e: unknown) => alive.current && setError(errorMessage(e)))
        .finally(() => (inFlight.current = false));
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [playing, show]);

  // At the end: the files written from the live state against the batch's, once. Writing them
  // takes the worker about a second per 5,000 customers, so large runs compare when asked.
  const done = view?.done ?? false;
  const autoCompare = (view?.total ?? 0) <= AUTO_COMPARE_ARRIVALS;
  const cancelCompare = useRef<() => void>(() => undefined);
  const compare = useCallback(() => {
    let cancelled = false;
    cancelCompare.current = () => (cancelled = true);
    setComparing(true);
    getPipeline()
      .liveCompare()
      .then(
        (c) => !cancelled && setComparison(c),
        (e: unknown) => !cancelled && setError(errorMessage(e)),
      )
      .finally(() => !cancelled && setComparing(false));
  }, []);
  useEffect(() => {
    if (!done || comparison || !autoCompare) return;
    compare();
    return () => cancelCompare.current();
  }, [done, comparison, autoCompare, compare]);

  return { view, error, rates, comparison, comparing, compare, act, restart, setSpeed };
}

// Plain history API: the location's query string is the store; navigation pushes (or replaces,
// for typing) and every subscriber re-reads it.
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { emptyScreen, parseUrl, toSearch, type RunText, type ScreenState, type UrlState } from './url-state';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const getSearch = () => window.location.search;

function write(state: UrlState, replace: boolean): void {
  const search = toSearch(state);
  if (search === window.location.search) return;
  const url = window.location.pathname + search + window.location.hash;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  for (const l of listeners) l();
}

export interface NavigateOptions {
  replace?: boolean;
}

export interface UrlApi {
  state: UrlState;
  /** Merge into the current screen (same view); page resets to 1 unless given. */
  setScreen: (patch: Partial<ScreenState>, opts?: NavigateOptions) => void;
  /** Go to another screen, dropping the old view's sort, filters and page. */
  go: (screen: Partial<ScreenState> & { view: ScreenState['view'] }, opts?: NavigateOptions) => void;
  /** New run parameters; `keepScreen` keeps page and profile (same data, spelled out). */
  setRun: (run: RunText, opts?: NavigateOptions & { keepScreen?: boolean }) => void;
}

export function useUrlState(): UrlApi {
  // Not useSyncExternalStore: its updates always render synchronously, so a view switch would be one
  // long task. As a transition, React renders the next screen in slices and keeps the current one
  // on screen (no Suspense flash) until it is ready.
  const [search, setSearch] = useState(getSearch);
  useEffect(() => {
    const update = () => startTransition(() => setSearch(getSearch()));
    update(); // the URL may have changed between the first render and this subscription
    return subscribe(update);
  }, []);
  const state = useMemo(() => parseUrl(search), [search]);

  const setScreen = useCallback((patch: Partial<ScreenState>, opts: NavigateOptions = {}) => {
    const cur = parseUrl(window.location.search);
    const page = patch.page ?? 1;
    write({ run: cur.run, screen: { ...cur.screen, ...patch, page } }, !!opts.replace);
  }, []);

  const go = useCallback((screen: Partial<ScreenState> & { view: ScreenState['view'] }, opts: NavigateOptions = {}) => {
    const cur = parseUrl(window.location.search);
    write({ run: cur.run, screen: { ...emptyScreen(screen.view), ...screen } }, !!opts.replace);
  }, []);

  const setRun = useCallback((run: RunText, opts: NavigateOptions & { keepScreen?: boolean } = {}) => {
    const cur = parseUrl(window.location.search);
    // New data: keep the view and table, but a page or profile of the old run may not exist.
    const screen = opts.keepScreen ? cur.screen : { ...cur.screen, page: 1, profile: undefined };
    write({ run, screen }, !!opts.replace);
  }, []);

  return useMemo(() => ({ state, setScreen, go, setRun }), [state, setScreen, go, setRun]);
}

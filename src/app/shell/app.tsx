// The app shell: header with the run parameters, navigation, and the view the URL names.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef } from 'react';
import type { RunParams } from '../../pipeline/params';
import { paramsKey, resolveRunText, runTextOf } from '../lib/run-params';
import { useUrlState } from '../lib/use-url-state';
import { hrefFor, VIEW_LABELS, VIEWS, type RunText, type ScreenState, type View } from '../lib/url-state';
import { RunProvider, useRun } from './run-context';
import { RunDownloads, RunHeader, RunProgressBar } from '../features/run/run-header';
import { RunBanner } from '../features/run/run-banner';
import { OverviewView } from '../features/overview/overview-view';
import { Loading } from '../components/states';
import { NavProvider, useNav as useNavState, type Nav } from './nav-context';

// Overview is where a visit starts; every other view loads with its first visit, so start-up
// evaluates only the shell (the charts library alone is larger than the rest of the app). Once the
// first run is on screen, the view chunks are fetched one by one while the page is idle, so a view's
// first visit finds its code loaded and compiled (see vite.config.ts) rather than paying for it then.
const VIEW_CHUNKS = [
  () => import('../features/layers/layers-view'),
  () => import('../features/customer360/customer360-view'),
  () => import('../features/identity/identity-view'),
  () => import('../features/segments/segments-view'),
  () => import('../features/activation/activation-view'),
  () => import('../features/quality/quality-view'),
  () => import('../features/production/production-view'),
  () => import('../features/live/live-view'),
] as const;
const [layers, customers, identity, segments, activation, quality, production, live] = VIEW_CHUNKS;
const LayersView = lazy(() => layers().then((m) => ({ default: m.LayersView })));
const Customer360View = lazy(() => customers().then((m) => ({ default: m.Customer360View })));
const IdentityView = lazy(() => identity().then((m) => ({ default: m.IdentityView })));
const SegmentsView = lazy(() => segments().then((m) => ({ default: m.SegmentsView })));
const ActivationView = lazy(() => activation().then((m) => ({ default: m.ActivationView })));
const QualityView = lazy(() => quality().then((m) => ({ default: m.QualityView })));
const ProductionView = lazy(() => production().then((m) => ({ default: m.ProductionView })));
const LiveView = lazy(() => live().then((m) => ({ default: m.LiveView })));

const whenIdle = (f: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 200));

function usePrefetchViews(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    let stopped = false;
    const next = (i: number) => {
      if (stopped || i >= VIEW_CHUNKS.length) return;
      VIEW_CHUNKS[i]().then(
        () => whenIdle(() => next(i + 1)),
        () => undefined, // offline or a stale deploy: the view's own visit will report it
      );
    };
    whenIdle(() => next(0));
    return () => {
      stopped = true;
    };
  }, [ready]);
}

export function App() {
  const url = useUrlState();
  const resolved = useMemo(() => resolveRunText(url.state.run), [url.state.run]);
  const key = paramsKey(resolved.params);
  // One object per parameter set, so the run provider reacts to changes of value only.
  const wanted = useMemo<RunParams>(() => resolved.params, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const refused = resolved.errors;

  // The URL always spells out every run parameter, so a copied link is exact.
  useEffect(() => {
    const canonical = runTextOf(wanted);
    if (JSON.stringify(canonical) !== JSON.stringify(url.state.run) && refused.length === 0) url.setRun(canonical, { replace: true, keepScreen: true });
  }, [wanted, url, refused.length]);

  const replaceRun = useCallback((run: RunText) => url.setRun(run, { replace: true }), [url]);

  const nav = useMemo<Nav>(
    () => ({
      run: url.state.run,
      screen: url.state.screen,
      setScreen: url.setScreen,
      go: url.go,
      setRun: url.setRun,
      href: (screen: Partial<ScreenState> & { view: View }) => hrefFor(url.state.run, screen),
    }),
    [url],
  );

  return (
    <NavProvider value={nav}>
      <RunProvider wanted={wanted} replaceRun={replaceRun}>
        <Shell refused={refused.map((e) => e.message)} />
      </RunProvider>
    </NavProvider>
  );
}

function Shell({ refused }: { refused: string[] }) {
  const { summary } = useRun();
  usePrefetchViews(summary !== null);
  const mainRef = useRef<HTMLElement>(null);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <RunHeader />
      <div className="nav-bar">
        <MainNav />
        <RunDownloads />
        <RunProgressBar />
      </div>
      <RunBanner refused={refused} />
      <main id="main" ref={mainRef} tabIndex={-1}>
        {summary ? (
          <Suspense fallback={<Loading label="Loading the view…" />}>
            <CurrentView />
          </Suspense>
        ) : (
          <Loading label="Generating TuranMart's data and building the tables…" />
        )}
      </main>
      <footer className="footer">
        Customer 360 Lab — everything is generated and built in your browser, in a Web Worker. Same parameters, same bytes as the
        command line.
      </footer>
    </div>
  );
}

function CurrentView() {
  const { screen } = useNavState();
  switch (screen.view) {
    case 'overview':
      return <OverviewView />;
    case 'layers':
      return <LayersView />;
    case 'identity':
      return <IdentityView />;
    case 'customers':
      return <Customer360View />;
    case 'live':
      return <LiveView />;
    case 'segments':
      return <SegmentsView />;
    case 'activation':
      return <ActivationView />;
    case 'quality':
      return <QualityView />;
    case 'production':
      return <ProductionView />;
  }
}

function MainNav() {
  const nav = useNavState();
  return (
    <nav className="main-nav" aria-label="Views">
      <ul>
        {VIEWS.map((v) => (
          <li key={v}>
            <a
              href={nav.href({ view: v })}
              aria-current={nav.screen.view === v ? 'page' : undefined}
              onClick={(e) => {
                if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                nav.go({ view: v });
              }}
            >
              {VIEW_LABELS[v]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

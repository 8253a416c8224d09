// The URL is the app's state: run parameters plus what is on screen. A shared link reproduces the
// same data (same run parameters) and the same screen (view, table, sort, filters, page, profile).
import type { Filter, FilterOp, SortKey } from '../../worker/api';

export const VIEWS = ['overview', 'layers', 'identity', 'customers', 'live', 'segments', 'activation', 'quality', 'production'] as const;
export type View = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<View, string> = {
  overview: 'Overview',
  layers: 'Data layers',
  identity: 'Identity',
  customers: 'Customer 360',
  live: 'Live',
  segments: 'Segments',
  activation: 'Activation',
  quality: 'Quality',
  production: 'Production',
};

/** Run parameters as text, exactly as the URL holds them (validated elsewhere). */
export interface RunText {
  seed?: string;
  customers?: string;
  now?: string;
  issues?: string;
  link?: string;
  placeholderThreshold?: string;
}

export interface ScreenState {
  view: View;
  /** Table path, e.g. `gold/customer_360.csv` (Data layers view). */
  table?: string;
  sort: SortKey[];
  filters: Filter[];
  q: string;
  /** 1-based. */
  page: number;
  size: number;
  /** Visible columns when the reader changed them; undefined = the view's default. */
  cols?: string[];
  profile?: string;
  /** Export file on preview, e.g. `export/kafka/orders.cdc.jsonl` (Production view). */
  file?: string;
}

export interface UrlState {
  run: RunText;
  screen: ScreenState;
}

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

const FILTER_OPS: readonly FilterOp[] = ['eq', 'neq', 'contains', 'in', 'gt', 'gte', 'lt', 'lte', 'empty', 'notEmpty'];

const RUN_KEYS: [keyof RunText, string][] = [
  ['seed', 'seed'],
  ['customers', 'customers'],
  ['now', 'now'],
  ['issues', 'issues'],
  ['link', 'link'],
  ['placeholderThreshold', 'pt'],
];

/** Older or longer spellings a link may carry; read, never written. */
const RUN_ALIASES: [keyof RunText, string][] = [['placeholderThreshold', 'placeholder_threshold']];

export function emptyScreen(view: View = 'overview'): ScreenState {
  return { view, sort: [], filters: [], q: '', page: 1, size: DEFAULT_PAGE_SIZE };
}

/** `segment:eq:Champion`, `country:in:TR|DE`, `avg_csat:empty:`. */
export function encodeFilter(f: Filter): string {
  const v = f.value === undefined ? '' : Array.isArray(f.value) ? f.value.join('|') : String(f.value);
  return `${f.column}:${f.op}:${v}`;
}

export function decodeFilter(s: string): Filter | null {
  const a = s.indexOf(':');
  const b = a < 0 ? -1 : s.indexOf(':', a + 1);
  if (a <= 0 || b < 0) return null;
  const column = s.slice(0, a);
  const op = s.slice(a + 1, b) as FilterOp;
  const raw = s.slice(b + 1);
  if (!FILTER_OPS.includes(op)) return null;
  if (op === 'empty' || op === 'notEmpty') return { column, op };
  if (op === 'in') return { column, op, value: raw === '' ? [] : raw.split('|') };
  return { column, op, value: raw };
}

export function encodeSort(sort: readonly SortKey[]): string {
  return sort.map((s) => (s.desc ? '-' : '') + s.column).join(',');
}

export function decodeSort(s: string | null): SortKey[] {
  if (!s) return [];
  return s
    .split(',')
    .filter(Boolean)
    .map((part) => (part.startsWith('-') ? { column: part.slice(1), desc: true } : { column: part, desc: false }));
}

function positiveInt(s: string | null, fallback: number): number {
  const n = s === null ? NaN : Number(s);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function parseUrl(search: string): UrlState {
  const p = new URLSearchParams(search);
  const run: RunText = {};
  for (const [key, name] of RUN_KEYS) {
    const v = p.get(name);
    if (v !== null) run[key] = v;
  }
  for (const [key, name] of RUN_ALIASES) {
    const v = p.get(name);
    if (v !== null && run[key] === undefined) run[key] = v;
  }
  const viewText = p.get('view');
  const view: View = (VIEWS as readonly string[]).includes(viewText ?? '') ? (viewText as View) : 'overview';
  const size = positiveInt(p.get('size'), DEFAULT_PAGE_SIZE);
  const cols = p.get('cols');
  const screen: ScreenState = {
    view,
    table: p.get('table') ?? undefined,
    sort: decodeSort(p.get('sort')),
    filters: p.getAll('f').map(decodeFilter).filter((f): f is Filter => f !== null),
    q: p.get('q') ?? '',
    page: positiveInt(p.get('page'), 1),
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    cols: cols === null ? undefined : cols.split(',').filter(Boolean),
    profile: p.get('profile') ?? undefined,
    file: p.get('file') ?? undefined,
  };
  return { run, screen };
}

export function toSearch(state: UrlState): string {
  const p = new URLSearchParams();
  for (const [key, name] of RUN_KEYS) {
    const v = state.run[key];
    if (v !== undefined) p.set(name, v);
  }
  const s = state.screen;
  p.set('view', s.view);
  if (s.table) p.set('table', s.table);
  if (s.sort.length) p.set('sort', encodeSort(s.sort));
  for (const f of s.filters) p.append('f', encodeFilter(f));
  if (s.q) p.set('q', s.q);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.size !== DEFAULT_PAGE_SIZE) p.set('size', String(s.size));
  if (s.cols) p.set('cols', s.cols.join(','));
  if (s.profile) p.set('profile', s.profile);
  if (s.file) p.set('file', s.file);
  return '?' + p.toString().replace(/%2F/g, '/').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%7C/g, '|');
}

/** An href for a screen under the current run parameters (links open in new tabs too). */
export function hrefFor(run: RunText, screen: Partial<ScreenState> & { view: View }): string {
  return toSearch({ run, screen: { ...emptyScreen(screen.view), ...screen } });
}

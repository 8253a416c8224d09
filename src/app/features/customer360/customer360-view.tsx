// Customer 360: the gold mart with filters on its decision columns, search, and profiles.
import { useCallback, useId, useMemo } from 'react';
import { useRun } from '../../shell/run-context';
import { useNav } from '../../shell/nav-context';
import { findTable, hasColumn, PATHS } from '../../lib/tables';
import { DataTable, type TableQuery } from '../../components/data-table';
import { describeFilter } from '../../components/filter-bar';
import { Empty } from '../../components/states';
import { COUNTRIES } from '../../../pipeline/schema/enums';
import type { ColumnInfo, Filter, TableInfo } from '../../../worker/api';
import { ProfileDialog } from './profile-dialog';

export const SEGMENTS = ['Champion', 'Loyal', 'New', 'Promising', 'At Risk', 'Hibernating', 'Prospect'] as const;
const FALLBACK_VALUES: Record<string, readonly string[]> = {
  segment: SEGMENTS,
  value_tier: ['high', 'medium', 'low', 'none'],
  churn_risk_band: ['low', 'medium', 'high'],
  country: COUNTRIES,
};
const CONSENT_VALUES = ['granted', 'withdrawn', 'unknown'];
const EMPTY = '__empty';

const DEFAULT_VISIBLE = [
  'customer_key', 'full_name', 'email', 'country', 'segment', 'value_tier', 'orders_count', 'lifetime_revenue', 'revenue_90d',
  'days_since_last_order', 'churn_risk', 'churn_risk_band', 'consent_email_marketing', 'can_email', 'can_sms', 'can_target_ads',
];
const SEARCH_COLUMNS = ['full_name', 'email', 'customer_key'];

const LABELS: Record<string, string> = {
  segment: 'Segment',
  value_tier: 'Value tier',
  churn_risk_band: 'Churn risk band',
  country: 'Country',
  consent_email_marketing: 'Email consent',
  consent_sms_marketing: 'SMS consent',
  consent_personalized_ads: 'Ads consent',
  can_email: 'Can email',
  can_sms: 'Can SMS',
  can_target_ads: 'Can target ads',
};

interface FacetDef {
  column: ColumnInfo;
  label: string;
  values: readonly string[];
  emptyLabel?: string;
}

function facetsOf(info: TableInfo): FacetDef[] {
  const byName = (n: string) => info.columns.find((c) => c.name === n);
  const facets: FacetDef[] = [];
  for (const name of ['segment', 'value_tier', 'churn_risk_band', 'country']) {
    const c = byName(name);
    if (c) facets.push({ column: c, label: LABELS[name], values: c.values?.length ? c.values : FALLBACK_VALUES[name], emptyLabel: name === 'churn_risk_band' ? 'no orders' : undefined });
  }
  for (const c of info.columns) {
    if (c.name.startsWith('consent_') && c.type !== 'timestamp') {
      facets.push({ column: c, label: LABELS[c.name] ?? c.name, values: c.values?.length ? c.values : CONSENT_VALUES });
    }
  }
  for (const c of info.columns) {
    if (c.name.startsWith('can_')) facets.push({ column: c, label: LABELS[c.name] ?? c.name, values: ['true', 'false'] });
  }
  return facets;
}

function facetValue(filters: readonly Filter[], column: string): string {
  const f = filters.find((x) => x.column === column);
  if (!f) return '';
  if (f.op === 'empty') return EMPTY;
  return f.op === 'eq' ? String(f.value ?? '') : '';
}

export function Customer360View() {
  const { summary } = useRun();
  const nav = useNav();
  const { screen } = nav;
  const info = findTable(summary, PATHS.customer360);
  const uid = useId();
  const facets = useMemo(() => (info ? facetsOf(info) : []), [info]);
  const facetCols = new Set(facets.map((f) => f.column.name));
  const otherFilters = screen.filters.filter((f) => !facetCols.has(f.column) || (f.op !== 'eq' && f.op !== 'empty'));
  const defaultVisible = useMemo(() => (info ? DEFAULT_VISIBLE.filter((c) => hasColumn(info, c)) : []), [info]);
  const searchCols = useMemo(() => (info ? SEARCH_COLUMNS.filter((c) => hasColumn(info, c)) : []), [info]);

  const onQueryChange = useCallback((patch: Partial<TableQuery>, opts?: { replace?: boolean }) => nav.setScreen(patch, opts), [nav]);

  if (!info) return <Empty>This run has no gold/customer_360.csv.</Empty>;
  const keyIdx = info.columns.findIndex((c) => c.name === 'customer_key');
  const nameIdx = info.columns.findIndex((c) => c.name === 'full_name');

  function setFacet(column: string, value: string) {
    const rest = screen.filters.filter((f) => f.column !== column);
    const next: Filter[] = value === '' ? rest : value === EMPTY ? [...rest, { column, op: 'empty' }] : [...rest, { column, op: 'eq', value }];
    nav.setScreen({ filters: next, page: 1 });
  }

  const active = screen.filters.length > 0 || screen.q !== '';

  return (
    <div className="view customers">
      <div className="view-head">
        <h2>Customer 360</h2>
        <p className="lede">
          One row per resolved person from <code>gold/customer_360.csv</code>. Filter by segment, value, churn risk, country and consent; open a row to see the
          person&apos;s merged source records and everything they did, in time order.
        </p>
      </div>
      <form className="facets" aria-label="Customer filters" onSubmit={(e) => e.preventDefault()}>
        {facets.map((f) => (
          <div className="field" key={f.column.name}>
            <label htmlFor={`${uid}-${f.column.name}`} title={f.column.description}>
              {f.label}
            </label>
            <select id={`${uid}-${f.column.name}`} value={facetValue(screen.filters, f.column.name)} onChange={(e) => setFacet(f.column.name, e.target.value)}>
              <option value="">Any</option>
              {f.values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
              {f.emptyLabel && <option value={EMPTY}>{f.emptyLabel}</option>}
            </select>
          </div>
        ))}
      </form>
      {otherFilters.length > 0 && (
        <p className="note">
          Also filtered by: {otherFilters.map(describeFilter).join('; ')}.{' '}
          <button type="button" className="link-button" onClick={() => nav.setScreen({ filters: screen.filters.filter((f) => !otherFilters.includes(f)), page: 1 })}>
            Remove these
          </button>
        </p>
      )}
      <DataTable
        info={info}
        caption="Customer 360 profiles"
        query={screen}
        onQueryChange={onQueryChange}
        searchColumns={searchCols}
        searchLabel="Search name, email or key"
        defaultVisible={defaultVisible}
        onOpenRow={keyIdx >= 0 ? (row) => nav.setScreen({ profile: row[keyIdx], page: screen.page }) : undefined}
        openColumn="customer_key"
        toolbarExtra={
          active ? (
            <button type="button" onClick={() => nav.setScreen({ filters: [], q: '', page: 1 })}>
              Reset filters
            </button>
          ) : undefined
        }
        openLabel={(row) => `Open profile of ${nameIdx >= 0 && row[nameIdx] ? row[nameIdx] : row[keyIdx]} (${row[keyIdx]})`}
      />
      {screen.profile && <ProfileDialog customerKey={screen.profile} onClose={() => nav.setScreen({ profile: undefined, page: screen.page })} />}
    </div>
  );
}

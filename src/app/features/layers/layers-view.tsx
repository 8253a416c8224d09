// Data layers: pick any table of any layer, read its data dictionary and browse its rows.
import { useCallback, useMemo } from 'react';
import { useRun } from '../../shell/run-context';
import { linkProps, useNav } from '../../shell/nav-context';
import { LAYER_LABELS, LAYER_ORDER, PATHS } from '../../lib/tables';
import { formatCount, TYPE_LABELS } from '../../lib/format';
import { DataTable, type TableQuery } from '../../components/data-table';
import { Empty } from '../../components/states';
import { Breakable } from '../../components/breakable';
import type { TableInfo } from '../../../worker/api';

export function LayersView() {
  const { summary } = useRun();
  const nav = useNav();
  const { screen } = nav;
  const tables = useMemo(() => summary?.tables.filter((t) => t.path.endsWith('.csv')) ?? [], [summary]);
  const selected = tables.find((t) => t.path === screen.table) ?? tables.find((t) => t.path === PATHS.customer360) ?? tables[0];

  const onQueryChange = useCallback(
    (patch: Partial<TableQuery>, opts?: { replace?: boolean }) => nav.setScreen({ ...patch, table: selected?.path }, opts),
    [nav, selected?.path],
  );

  if (!summary) return null;
  return (
    <div className="view layers">
      <h2 className="visually-hidden">Data layers</h2>
      <div className="layers-grid">
        <nav className="table-list" aria-label="Tables by layer">
          {LAYER_ORDER.map((layer) => {
            const inLayer = tables.filter((t) => t.layer === layer);
            if (!inLayer.length) return null;
            return (
              <div key={layer} className="table-group">
                <h3>{LAYER_LABELS[layer]}</h3>
                <ul>
                  {inLayer.map((t) => (
                    <li key={t.path}>
                      <a {...linkProps(nav, { view: 'layers', table: t.path })} aria-current={t.path === selected?.path ? 'page' : undefined} title={t.path}>
                        <span className="t-name">
                          <Breakable text={t.name} />
                        </span>
                        <span className="rows">{formatCount(t.rows)}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </nav>
        <div className="table-detail">
          {selected ? (
            <>
              <TableHeader info={selected} />
              <Dictionary info={selected} />
              <DataTable
                key={selected.path}
                info={selected}
                caption={
                  <>
                    <code>{selected.path}</code>
                  </>
                }
                query={screen}
                onQueryChange={onQueryChange}
                searchColumns={selected.columns.filter((c) => c.type === 'string' || c.type === 'enum').map((c) => c.name)}
                searchLabel="Search text"
                filterBuilder
                filterChips
              />
            </>
          ) : (
            <Empty>No tables in this run.</Empty>
          )}
        </div>
      </div>
    </div>
  );
}

function TableHeader({ info }: { info: TableInfo }) {
  return (
    <div className="table-header">
      <div className="title-row">
        <span className={`layer-pill layer-${info.layer}`}>{LAYER_LABELS[info.layer]}</span>
        <h3 className="table-title">{info.name}</h3>
        <span className="note">
          {formatCount(info.rows)} rows · {info.columns.length} columns · <code>{info.path}</code>
        </span>
      </div>
      <p className="grain">
        <strong>Grain:</strong> {info.grain} <span className="muted">{info.description}</span>
      </p>
    </div>
  );
}

function Dictionary({ info }: { info: TableInfo }) {
  return (
    <details className="dictionary">
      <summary>Data dictionary — what each of the {info.columns.length} columns means</summary>
      <div className="table-scroll compact">
        <table>
          <caption>Columns of {info.name}</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {info.columns.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td>
                  {TYPE_LABELS[c.type]}
                  {c.values && c.values.length > 0 && <div className="values">{c.values.join(' · ')}</div>}
                </td>
                <td>{c.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

// One schema-driven table for every layer: the worker sorts, filters and pages; TanStack Table
// holds the sort, visibility and paging state (all manual) and React draws accessible markup.
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  columnVisibilityFeature,
  functionalUpdate,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
  type PaginationState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import type { ColumnInfo, Filter, PageRequest, PageResult, TableInfo } from '../../worker/api';
import { fileName, formatCell, formatCount, isNumeric, TYPE_LABELS } from '../lib/format';
import { useWorkerQuery } from '../lib/use-worker-query';
import { PAGE_SIZES, type ScreenState } from '../lib/url-state';
import { useProgressiveRows } from '../lib/use-progressive-rows';
import { useColumnWidths } from '../lib/use-column-widths';
import { CSV_TYPE, PARQUET_TYPE, saveBytes } from '../lib/download';
import { useDownload } from '../lib/use-download';
import { getPipeline } from '../../worker/client';
import { FilterBar } from './filter-bar';
import { ColumnPicker } from './column-picker';
import { Empty, ErrorState, Loading } from './states';

const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature, rowPaginationFeature });
type Row = string[];
const NO_ROWS: Row[] = [];

const FORMATS = ['csv', 'parquet'] as const;
const FORMAT_LABELS: Record<(typeof FORMATS)[number], string> = { csv: 'CSV', parquet: 'Parquet' };

/** `customer_360.csv`, `customer_360_filtered.parquet`: the table's file name in the asked format. */
function downloadName(path: string, rows: 'all' | 'view', format: (typeof FORMATS)[number]): string {
  return fileName(path).replace(/\.csv$/, '') + (rows === 'view' ? '_filtered' : '') + '.' + format;
}

/** The part of the screen state (kept in the URL) that a data table reads and changes. */
export type TableQuery = Pick<ScreenState, 'sort' | 'filters' | 'q' | 'page' | 'size' | 'cols'>;

export interface DataTableProps {
  info: TableInfo;
  caption: ReactNode;
  query: TableQuery;
  onQueryChange: (patch: Partial<TableQuery>, opts?: { replace?: boolean }) => void;
  /** Columns the search box looks in; no search box when empty. */
  searchColumns?: readonly string[];
  searchLabel?: string;
  /** Columns shown until the reader picks others (default: all). */
  defaultVisible?: readonly string[];
  /** Show the generic filter builder (column, operator, value). */
  filterBuilder?: boolean;
  /** Filter chips for the active filters (off when the view has its own filter controls). */
  filterChips?: boolean;
  /** A row action (e.g. open a profile): the row becomes clickable, and `openLabel` names its button. */
  onOpenRow?: (row: readonly string[]) => void;
  openColumn?: string;
  openLabel?: (row: readonly string[]) => string;
  /** Overrides a cell's rendering; return undefined for the default. */
  renderCell?: (col: ColumnInfo, text: string, row: readonly string[]) => ReactNode | undefined;
  toolbarExtra?: ReactNode;
}

/** Filter values typed as the worker compares them: numbers for numeric columns. */
export function typedFilters(info: TableInfo, filters: readonly Filter[]): Filter[] {
  return filters
    .filter((f) => info.columns.some((c) => c.name === f.column))
    .map((f) => {
      const col = info.columns.find((c) => c.name === f.column)!;
      if (isNumeric(col.type) && typeof f.value === 'string' && f.value.trim() !== '' && !Number.isNaN(Number(f.value))) {
        return { ...f, value: Number(f.value) };
      }
      return f;
    });
}

export function pageRequest(info: TableInfo, query: TableQuery, searchColumns: readonly string[] | undefined): PageRequest {
  const cols = new Set(info.columns.map((c) => c.name));
  const search = query.q.trim() && searchColumns?.length ? { text: query.q.trim(), columns: searchColumns.filter((c) => cols.has(c)) } : undefined;
  return {
    path: info.path,
    offset: (query.page - 1) * query.size,
    limit: query.size,
    sort: query.sort.filter((s) => cols.has(s.column)),
    filters: typedFilters(info, query.filters),
    search,
  };
}

function visibilityState(info: TableInfo, cols: readonly string[] | undefined, defaults: readonly string[] | undefined): ColumnVisibilityState {
  const shown = cols ?? defaults;
  if (!shown) return {};
  const set = new Set(shown);
  return Object.fromEntries(info.columns.map((c) => [c.name, set.has(c.name)]));
}

function cellClass(type: ColumnInfo['type'], wraps: boolean): string | undefined {
  const cls = (isNumeric(type) ? 'num' : '') + (wraps ? ' wraps' : '');
  return cls.trim() || undefined;
}

export function DataTable(props: DataTableProps) {
  const { info, query, onQueryChange, searchColumns, defaultVisible } = props;
  const uid = useId();
  const req = useMemo(() => pageRequest(info, query, searchColumns), [info, query, searchColumns]);
  const reqKey = JSON.stringify(req);
  const result = useWorkerQuery<PageResult>(reqKey, (api) => api.page(req));
  const page = result.data && result.data.path === info.path ? result.data : undefined;
  const rows = useMemo(() => (page ? (page.rows as Row[]) : NO_ROWS), [page]);
  const total = page?.total ?? 0;
  const drawn = useProgressiveRows(rows);

  const columns = useMemo<ColumnDef<typeof features, Row>[]>(
    () =>
      info.columns.map((c, i) => ({
        id: c.name,
        header: c.name,
        accessorFn: (row: Row) => row[i],
        sortDescFirst: isNumeric(c.type),
        enableHiding: true,
      })),
    [info],
  );

  const sorting: SortingState = useMemo(() => req.sort?.map((s) => ({ id: s.column, desc: !!s.desc })) ?? [], [req.sort]);
  const columnVisibility = useMemo(() => visibilityState(info, query.cols, defaultVisible), [info, query.cols, defaultVisible]);
  const pagination: PaginationState = useMemo(() => ({ pageIndex: query.page - 1, pageSize: query.size }), [query.page, query.size]);

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (_row: Row, index: number) => String(req.offset + index),
    state: { sorting, columnVisibility, pagination },
    manualSorting: true,
    manualPagination: true,
    autoResetPageIndex: false,
    rowCount: total,
    enableMultiSort: true,
    onSortingChange: (u: Updater<SortingState>) => {
      const next = functionalUpdate(u, sorting);
      onQueryChange({ sort: next.map((s) => ({ column: s.id, desc: s.desc })), page: 1 });
    },
    onColumnVisibilityChange: (u: Updater<ColumnVisibilityState>) => {
      const next = functionalUpdate(u, columnVisibility);
      onQueryChange({ cols: info.columns.filter((c) => next[c.name] !== false).map((c) => c.name), page: query.page });
    },
    onPaginationChange: (u: Updater<PaginationState>) => {
      const next = functionalUpdate(u, pagination);
      onQueryChange({ page: next.pageIndex + 1, size: next.pageSize });
    },
  });

  const colInfo = useMemo(() => new Map(info.columns.map((c) => [c.name, c])), [info]);
  const pageCount = Math.max(1, Math.ceil(total / query.size));
  const loading = result.loading || !page;
  const first = total === 0 ? 0 : req.offset + 1;
  const last = Math.min(total, req.offset + rows.length);

  // A page past the end (fewer rows after a new run or filter) goes to the last page.
  useEffect(() => {
    if (page && total > 0 && req.offset >= total) onQueryChange({ page: pageCount }, { replace: true });
  }, [page, total, req.offset, pageCount, onQueryChange]);

  const [search, setSearch] = useState(query.q);
  const lastQ = useRef(query.q);
  useEffect(() => {
    if (query.q !== lastQ.current) {
      lastQ.current = query.q;
      setSearch(query.q);
    }
  }, [query.q]);
  useEffect(() => {
    if (search === query.q) return;
    const t = setTimeout(() => {
      lastQ.current = search;
      onQueryChange({ q: search, page: 1 }, { replace: true });
    }, 250);
    return () => clearTimeout(t);
  }, [search, query.q, onQueryChange]);

  const dl = useDownload();
  function download(rows: 'all' | 'view', format: 'csv' | 'parquet') {
    return dl.start(`${rows}-${format}`, async () => {
      const api = getPipeline();
      const { sort, filters, search } = req;
      const view = rows === 'view' ? { sort, filters, search } : undefined;
      const name = downloadName(info.path, rows, format);
      if (format === 'csv') saveBytes(await api.csv(info.path, view), name, CSV_TYPE);
      else saveBytes(await api.parquet(info.path, view), name, PARQUET_TYPE);
    });
  }
  const filtered = req.filters!.length > 0 || !!req.search || req.sort!.length > 0;

  const visibleCount = table.getVisibleLeafColumns().length;
  const tableRef = useRef<HTMLTableElement>(null);
  // Custom cells (badges, wrapping text) size themselves: those tables keep the automatic layout.
  const widths = useColumnWidths(tableRef, info, rows, !props.renderCell);
  const colIndex = useMemo(() => new Map(info.columns.map((c, i) => [c.name, i])), [info]);
  const visibleIds = table.getVisibleLeafColumns().map((c) => c.id);
  const fixedWidth = widths ? visibleIds.reduce((sum, id) => sum + widths.px[colIndex.get(id)!], 0) : 0;
  const captionId = `${uid}-caption`;

  return (
    <section className="data-table" aria-labelledby={captionId}>
      <div className="table-toolbar">
        {searchColumns && searchColumns.length > 0 && (
          <div className="search">
            <label htmlFor={`${uid}-search`}>{props.searchLabel ?? 'Search'}</label>
            <input id={`${uid}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Type to search…" />
          </div>
        )}

        <ColumnPicker
          columns={table.getAllLeafColumns().map((c) => ({ id: c.id, visible: c.getIsVisible(), toggle: (v: boolean) => c.toggleVisibility(v) }))}
          onShowAll={() => table.toggleAllColumnsVisible(true)}
          onReset={() => onQueryChange({ cols: undefined, page: query.page })}
          visibleCount={visibleCount}
        />
        <div className="toolbar-spacer" />
        {props.toolbarExtra}
        <div className="table-downloads">
          <div className="format-group" role="group" aria-label={`Download ${info.name}`}>
            <span className="format-label">Download</span>
            {FORMATS.map((f) => (
              <button key={f} type="button" onClick={() => download('all', f)} disabled={dl.busy !== null} aria-label={`Download ${downloadName(info.path, 'all', f)}`} title={`The whole table as ${downloadName(info.path, 'all', f)}`}>
                {dl.busy === `all-${f}` ? 'Preparing…' : FORMAT_LABELS[f]}
              </button>
            ))}
          </div>
          <div className="format-group" role="group" aria-label="Download filtered view" title={filtered ? 'The rows matching the current filters, search and sort' : 'Filter, search or sort first'}>
            <span className="format-label">Filtered view</span>
            {FORMATS.map((f) => (
              <button key={f} type="button" onClick={() => download('view', f)} disabled={dl.busy !== null || !filtered} aria-label={`Download filtered view (${FORMAT_LABELS[f]})`}>
                {dl.busy === `view-${f}` ? 'Preparing…' : FORMAT_LABELS[f]}
              </button>
            ))}
          </div>
        </div>
      </div>
      {(props.filterBuilder || (props.filterChips && query.filters.length > 0)) && (
        <div className="filter-row">
          <FilterBar
            key={info.path}
            columns={info.columns}
            filters={query.filters}
            builder={!!props.filterBuilder}
            chips={!!props.filterChips}
            onChange={(filters) => onQueryChange({ filters, page: 1 })}
          />
        </div>
      )}
      {dl.error && <ErrorState title="Download failed" message={dl.error} />}
      {result.error && <ErrorState title="Could not load rows" message={result.error} />}
      <div className="table-scroll" aria-busy={loading} data-request={reqKey} data-ready={!loading && drawn === rows.length ? 'true' : 'false'}>
        <table ref={tableRef} className={widths ? 'fixed' : undefined} style={widths ? { width: `max(100%, ${fixedWidth}px)` } : undefined}>
          <caption id={captionId}>
            {props.caption}
            <span className="caption-count">
              {page ? (total === 0 ? ' — no rows match' : ` — rows ${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`) : ''}
            </span>
          </caption>
          {widths && (
            <colgroup>
              {visibleIds.map((id) => (
                <col key={id} style={{ width: widths.px[colIndex.get(id)!] }} />
              ))}
            </colgroup>
          )}
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const c = colInfo.get(header.column.id)!;
                  const sorted = header.column.getIsSorted();
                  const tipId = `${uid}-tip-${header.column.id}`;
                  const sortIndex = sorting.length > 1 && sorted ? header.column.getSortIndex() + 1 : 0;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={isNumeric(c.type) ? 'num' : undefined}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      <button
                        type="button"
                        className="sort-button"
                        onClick={header.column.getToggleSortingHandler()}
                        aria-describedby={tipId}
                      >
                        <span className="col-name">{c.name}</span>
                        <span className="sort-icon" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          {sortIndex ? <sup>{sortIndex}</sup> : null}
                        </span>
                      </button>
                      <span className="col-type">{TYPE_LABELS[c.type]}</span>
                      <span role="tooltip" id={tipId} className="tooltip">
                        {c.description} ({TYPE_LABELS[c.type]})
                      </span>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.slice(0, drawn).map((row, r) => {
              const original = row.original;
              const open = props.onOpenRow;
              return (
                <tr
                  key={row.id}
                  className={open ? 'clickable' : undefined}
                  onClick={
                    open
                      ? (e) => {
                          if ((e.target as HTMLElement).closest('a,button')) return;
                          open(original);
                        }
                      : undefined
                  }
                >
                  {row.getVisibleCells().map((cell) => {
                    const c = colInfo.get(cell.column.id)!;
                    const text = cell.getValue() as string;
                    const custom = props.renderCell?.(c, text, original);
                    const isOpen = open && props.openColumn === c.name;
                    return (
                      <td key={cell.id} className={cellClass(c.type, !!widths?.wraps(r, colIndex.get(c.name)!))}>
                        {isOpen ? (
                          <button type="button" className="link-button" onClick={() => open(original)} aria-label={props.openLabel?.(original)}>
                            {text}
                          </button>
                        ) : custom !== undefined ? (
                          custom
                        ) : text === '' ? (
                          <span className="null" title="empty (null)">
                            —
                          </span>
                        ) : (
                          formatCell(text, c.type, c.name)
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        {!page && !result.error && <Loading label={`Loading ${info.name}…`} />}
        {page && total === 0 && <Empty>No rows match these filters.</Empty>}
      </div>
      <nav className="pager" aria-label={`Pages of ${info.name}`}>
        <button type="button" onClick={() => table.firstPage()} disabled={!table.getCanPreviousPage()} aria-label="First page">
          «
        </button>
        <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()} aria-label="Previous page">
          ‹ Previous
        </button>
        <span className="pager-status" aria-live="polite">
          Page {formatCount(Math.min(query.page, pageCount))} of {formatCount(pageCount)}
        </span>
        <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()} aria-label="Next page">
          Next ›
        </button>
        <button type="button" onClick={() => table.lastPage()} disabled={!table.getCanNextPage()} aria-label="Last page">
          »
        </button>
        <label>
          Rows per page{' '}
          <select value={query.size} onChange={(e) => table.setPageSize(Number(e.target.value))}>
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </nav>
    </section>
  );
}

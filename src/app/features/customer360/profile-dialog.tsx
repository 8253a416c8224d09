// One person: every gold field (and the source record it survived from), the source records that
// were merged and the identity graph that merged them, consent per purpose, and a timeline.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ProfileDetail, RowSet } from '../../../worker/api';
import { useWorkerQuery } from '../../lib/use-worker-query';
import { groupDigits } from '../../lib/format';
import { ErrorState, Loading } from '../../components/states';
import { buildTimeline, TIMELINE_KINDS, type TimelineKind } from './timeline';
import { IdentityGraphView, ProvenanceTable } from './identity-graph';
import { ConsentPanel } from './consent-panel';

export type ProfileTab = 'timeline' | 'identity' | 'consent' | 'fields' | 'records';

export function ProfileDialog({ customerKey, onClose, initialTab = 'timeline' }: { customerKey: string; onClose: () => void; initialTab?: ProfileTab }) {
  const ref = useRef<HTMLDialogElement>(null);
  const uid = useId();
  const q = useWorkerQuery<ProfileDetail | null>(`profile|${customerKey}`, (api) => api.profile(customerKey));
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) d.showModal();
    const handler = () => onCloseRef.current();
    d.addEventListener('close', handler);
    // No close() here: an unmounted dialog leaves the top layer by itself, and a close() would
    // queue a `close` event that a re-run of this effect (StrictMode) would take for the reader's.
    return () => d.removeEventListener('close', handler);
  }, []);

  const detail = q.dataKey?.endsWith(`profile|${customerKey}`) ? q.data : undefined;
  const field = (name: string) => detail?.fields.find((f) => f.name === name)?.value ?? '';
  const title = detail ? field('full_name') || customerKey : customerKey;

  return (
    <dialog ref={ref} className="profile" aria-labelledby={`${uid}-title`} onClick={(e) => e.target === ref.current && ref.current?.close()}>
      <div className="profile-inner">
        <header className="profile-head">
          <div>
            <p className="eyebrow">Customer profile</p>
            <h2 id={`${uid}-title`}>{title}</h2>
            <p className="note">
              <code>{customerKey}</code>
              {detail && (
                <>
                  {' '}
                  · {field('segment')} · value {field('value_tier')}
                  {field('churn_risk_band') && <> · churn risk {field('churn_risk_band')}</>}
                </>
              )}
            </p>
          </div>
          <button type="button" className="close" onClick={() => ref.current?.close()} aria-label="Close profile">
            ×
          </button>
        </header>
        {q.error && <ErrorState message={q.error} />}
        {!q.error && detail === undefined && <Loading label="Loading profile…" />}
        {detail === null && <ErrorState title="No such customer" message={`There is no profile with key ${customerKey} in this run.`} />}
        {detail && <ProfileBody key={detail.customerKey} detail={detail} initialTab={initialTab} />}
      </div>
    </dialog>
  );
}

function ProfileBody({ detail, initialTab }: { detail: ProfileDetail; initialTab: ProfileTab }) {
  const [tab, setTab] = useState<ProfileTab>(initialTab);
  const uid = useId();
  const tabs = [
    { id: 'timeline', label: 'Timeline' },
    { id: 'identity', label: 'Identity graph' },
    { id: 'consent', label: 'Consent' },
    { id: 'fields', label: `All fields (${detail.fields.length})` },
    { id: 'records', label: `Merged source records (${detail.records.rows.length})` },
  ] as const;
  return (
    <>
      <Contactability detail={detail} />
      <div role="tablist" aria-label="Profile sections" className="tabs">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            id={`${uid}-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${uid}-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
              setTab(next.id);
              document.getElementById(`${uid}-tab-${next.id}`)?.focus();
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${uid}-panel-${tab}`} aria-labelledby={`${uid}-tab-${tab}`} className="tab-panel">
        {tab === 'timeline' && <Timeline detail={detail} />}
        {tab === 'identity' && <IdentityPanel detail={detail} />}
        {tab === 'consent' && <ConsentPanel detail={detail} />}
        {tab === 'fields' && <Fields detail={detail} />}
        {tab === 'records' && <RowSetTable set={detail.records} caption="Source records merged into this profile (silver identity joined with the raw records)" />}
      </div>
    </>
  );
}

function Contactability({ detail }: { detail: ProfileDetail }) {
  const flags = detail.fields.filter((f) => f.name.startsWith('can_'));
  const consents = detail.fields.filter((f) => f.name.startsWith('consent_') && !f.name.endsWith('_at'));
  return (
    <div className="contact">
      {flags.map((f) => (
        <span key={f.name} className={`flag flag-${f.value === 'true' ? 'yes' : 'no'}`} title={f.description}>
          <span aria-hidden="true">{f.value === 'true' ? '✓' : '✕'}</span> {f.name}: {f.value === 'true' ? 'yes' : 'no'}
        </span>
      ))}
      {consents.map((f) => (
        <span key={f.name} className={`flag consent-${f.value}`} title={f.description}>
          {f.name.replace('consent_', '')}: {f.value}
        </span>
      ))}
    </div>
  );
}

function IdentityPanel({ detail }: { detail: ProfileDetail }) {
  // Older workers answer without these; say so instead of failing.
  if (!detail.graph) return <p className="note">This run has no identity graph.</p>;
  return (
    <div className="identity-panel">
      <h3 className="panel-h">How this profile was resolved</h3>
      <p className="note">
        Each circle is a source record (<code>system:id</code>); a line joins two records that share an identifier the rules link on. A dashed line is a
        placeholder value — held by too many records to mean one person — so it is shown but links nothing.
      </p>
      <IdentityGraphView graph={detail.graph} />
      {detail.provenance && (
        <>
          <h3 className="panel-h">Golden fields and their sources</h3>
          <ProvenanceTable provenance={detail.provenance} />
        </>
      )}
    </div>
  );
}

function Fields({ detail }: { detail: ProfileDetail }) {
  const source = new Map((detail.provenance ?? []).map((f) => [f.field, f.record]));
  return (
    <dl className="fields">
      {detail.fields.map((f) => (
        <div key={f.name} className="field-row">
          <dt>
            <code>{f.name}</code>
          </dt>
          <dd>
            <span className="field-value">{f.value === '' ? <span className="null">—</span> : groupDigits(f.value)}</span>
            <span className="field-desc">
              {f.description}
              {source.get(f.name) && (
                <>
                  {' '}
                  From <code>{source.get(f.name)}</code>.
                </>
              )}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Timeline({ detail }: { detail: ProfileDetail }) {
  const all = useMemo(() => buildTimeline(detail), [detail]);
  const [shown, setShown] = useState<ReadonlySet<TimelineKind>>(new Set(TIMELINE_KINDS.map((k) => k.kind)));
  const counts = Object.fromEntries(TIMELINE_KINDS.map((k) => [k.kind, all.filter((e) => e.kind === k.kind).length]));
  const items = all.filter((e) => shown.has(e.kind));
  return (
    <div className="timeline-wrap">
      <fieldset className="kind-filter">
        <legend>Show</legend>
        {TIMELINE_KINDS.map((k) => (
          <label key={k.kind} className={`kind kind-${k.kind}`}>
            <input
              type="checkbox"
              checked={shown.has(k.kind)}
              onChange={(e) => {
                const next = new Set(shown);
                if (e.target.checked) next.add(k.kind);
                else next.delete(k.kind);
                setShown(next);
              }}
            />{' '}
            {k.label} ({counts[k.kind]})
          </label>
        ))}
      </fieldset>
      {items.length === 0 ? (
        <p className="note">Nothing to show.</p>
      ) : (
        <ol className="timeline" aria-label="Events in time order">
          {items.map((e, i) => (
            <li key={i} className={`tl tl-${e.kind}`}>
              <time dateTime={e.ts}>{e.ts || 'no time'}</time>
              <span className={`kind-tag kind-${e.kind}`}>{TIMELINE_KINDS.find((k) => k.kind === e.kind)?.short}</span>
              <span className="tl-title">{e.title}</span>
              {e.detail && <span className="tl-detail">{e.detail}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function RowSetTable({ set, caption }: { set: RowSet; caption: string }) {
  return (
    <div className="table-scroll compact">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {set.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {set.rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j}>{v === '' ? <span className="null">—</span> : v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

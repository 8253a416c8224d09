// Identity: how source records become profiles, how right that is against the generator's truth,
// the rules a learner can change (run parameters in the URL, like the seed), what a change moved,
// and a lookup that finds a person by any identifier as someone would type it.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis } from 'recharts';
import { ChartTooltip } from '../../components/chart-tooltip';
import { Later } from '../../components/later';
import { useRun } from '../../shell/run-context';
import { useNav } from '../../shell/nav-context';
import { useWorkerQuery } from '../../lib/use-worker-query';
import { paramsKey, resolveRunText, runTextOf, validateRun } from '../../lib/run-params';
import { formatCount, formatPercent } from '../../lib/format';
import { useChartTheme } from '../../lib/use-color-scheme';
import { compactNumber, tooltipProps } from '../../lib/chart-props';
import { ChartCard } from '../../components/chart-card';
import { ErrorState, Loading } from '../../components/states';
import { ProfileDialog } from '../customer360/profile-dialog';
import { errorMessage, getPipeline } from '../../../worker/client';
import { DEFAULT_PARAMS, IDENTIFIER_KINDS, type IdentifierKind } from '../../../pipeline/params';
import type { IdentityAccuracySummary, IdentityChange, IdentitySummary, LookupResult, MergeError } from '../../../worker/api';

const KIND_LABELS: Record<IdentifierKind, string> = { email: 'Email', phone: 'Phone', loyalty: 'Loyalty id' };
const KIND_HINTS: Record<IdentifierKind, string> = {
  email: 'lower-cased',
  phone: 'as E.164',
  loyalty: 'as written',
};

const pct = (x: number) => formatPercent(x, 2);
const linkText = (link: readonly string[]) => (link.length ? link.join(', ') : 'nothing');

export function IdentityView() {
  const nav = useNav();
  const q = useWorkerQuery<IdentitySummary>('identity', (api) => api.identity());
  const id = q.data;
  const open = (key: string) => nav.setScreen({ profile: key, q: nav.screen.q });

  return (
    <div className="view identity">
      <div className="view-head">
        <h2>Identity</h2>
        <p className="lede">
          One person may have a record in the web shop, a store and the CRM, typed differently each time. Identity resolution links records that share an
          email, a phone or a loyalty id into one profile (<code>silver/customer_identity.csv</code>). Change the rules, see what moves, and check the result
          against the generator&apos;s truth.
        </p>
      </div>
      <div className="identity-top">
        <RulesForm />
        <Lookup onOpen={open} />
      </div>
      {q.error && <ErrorState title="Could not load identity resolution" message={q.error} />}
      {!id && !q.error && <Loading label="Resolving identities…" />}
      {id && (
        <>
          {id.change && <WhatMoved change={id.change} now={id} />}
          <Glance id={id} />
          <div className="chart-grid">
            <ClusterChart id={id} />
            <MatchRuleChart id={id} />
          </div>
          <Placeholders id={id} />
          <Accuracy id={id} onOpen={open} />
        </>
      )}
      {nav.screen.profile && (
        <ProfileDialog customerKey={nav.screen.profile} initialTab="identity" onClose={() => nav.setScreen({ profile: undefined, q: nav.screen.q })} />
      )}
    </div>
  );
}

/** Which identifiers link, and the placeholder threshold: run parameters, so they live in the URL. */
function RulesForm() {
  const nav = useNav();
  const { running, summary } = useRun();
  const uid = useId();
  const wanted = useMemo(() => resolveRunText(nav.run).params, [nav.run]);
  const wantedKey = paramsKey(wanted);
  const [link, setLink] = useState<IdentifierKind[]>([...wanted.link]);
  const [pt, setPt] = useState(String(wanted.placeholderThreshold));
  const [error, setError] = useState<string | null>(null);
  const ptRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setLink([...wanted.link]);
    setPt(String(wanted.placeholderThreshold));
    setError(null);
  }, [wantedKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const draft = validateRun({ ...runTextOf(wanted), link: link.join(','), placeholderThreshold: pt });
  // An invalid draft counts as a change, so Apply can say what is wrong with it.
  const dirty = !draft.ok || paramsKey(draft.params) !== wantedKey;
  const isDefault = paramsKey({ ...wanted, link: DEFAULT_PARAMS.link, placeholderThreshold: DEFAULT_PARAMS.placeholderThreshold }) === wantedKey;
  const busy = !!running && summary !== null && paramsKey(summary.params) !== paramsKey(running);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft.ok) {
      setError(draft.error.message);
      ptRef.current?.focus();
      return;
    }
    setError(null);
    nav.setRun(runTextOf(draft.params));
  }

  function restore() {
    setError(null);
    nav.setRun(runTextOf({ ...wanted, link: DEFAULT_PARAMS.link, placeholderThreshold: DEFAULT_PARAMS.placeholderThreshold }));
  }

  return (
    <form className="card rules" onSubmit={submit} aria-labelledby={`${uid}-h`} noValidate>
      <h3 id={`${uid}-h`}>Identity rules</h3>
      <p className="note">
        Two source records are one person when they share a value of a ticked identifier. A value held by more records than the threshold is a
        placeholder (a shop&apos;s phone, <code>test@test.com</code>): it links nothing.
      </p>
      <fieldset className="link-kinds">
        <legend>Identifiers that link records</legend>
        {IDENTIFIER_KINDS.map((k) => (
          <span key={k} className="link-kind">
            <input
              type="checkbox"
              id={`${uid}-${k}`}
              checked={link.includes(k)}
              onChange={(e) => setLink(IDENTIFIER_KINDS.filter((x) => (x === k ? e.target.checked : link.includes(x))))}
            />
            <label htmlFor={`${uid}-${k}`}>{KIND_LABELS[k]}</label>
            <span className="muted small">({KIND_HINTS[k]})</span>
          </span>
        ))}
      </fieldset>
      <div className={`field inline-field${error ? ' invalid' : ''}`}>
        <label htmlFor={`${uid}-pt`}>Placeholder threshold</label>
        <input
          id={`${uid}-pt`}
          ref={ptRef}
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          value={pt}
          onChange={(e) => {
            setPt(e.target.value);
            if (error) setError(null);
          }}
          aria-invalid={!!error}
          aria-describedby={`${uid}-pt-hint${error ? ` ${uid}-err` : ''}`}
        />
        <span id={`${uid}-pt-hint`} className="muted small">
          records (default {DEFAULT_PARAMS.placeholderThreshold})
        </span>
      </div>
      {error && (
        <p className="field-error static" id={`${uid}-err`} role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={!dirty}>
          Apply rules
        </button>
        <button type="button" onClick={restore} disabled={isDefault}>
          Restore defaults
        </button>
        <span className="muted small" role="status">
          {busy ? 'Re-running the pipeline with these rules…' : dirty ? 'Not applied yet.' : ''}
        </span>
      </div>
    </form>
  );
}

/** Any identifier as a person would type it → the one profile it belongs to, or why none. */
function Lookup({ onOpen }: { onOpen: (key: string) => void }) {
  const nav = useNav();
  const uid = useId();
  const asked = nav.screen.q;
  const [text, setText] = useState(asked);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(asked), [asked]);
  const q = useWorkerQuery<LookupResult>(`lookup|${asked}`, (api) => api.lookup(asked), asked.trim() !== '');
  const result = q.dataKey?.endsWith(`|lookup|${asked}`) ? q.data : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const r = await getPipeline().lookup(text);
      nav.setScreen({ q: text, profile: r.customerKey ?? undefined });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card lookup" aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>Find a person</h3>
      <form role="search" aria-label="Find a person by any identifier" onSubmit={submit} className="lookup-form">
        <label htmlFor={`${uid}-q`}>Identifier</label>
        <input
          id={`${uid}-q`}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="e.g. 0532 111 22 33, Ayse@Mail.com , LOY123…"
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit" className="primary" disabled={busy || !text.trim()}>
          {busy ? 'Looking up…' : 'Look up'}
        </button>
      </form>
      <p className="note">
        An email (any case, stray spaces), a phone in any format, a loyalty id, a source id (<code>W0000001</code>), a device id (<code>ANON…</code>) or a
        customer key — normalised by the contract&apos;s rules; it must point to exactly one profile.
      </p>
      {error && <ErrorState title="Lookup failed" message={error} />}
      {q.error && !error && <ErrorState title="Lookup failed" message={q.error} />}
      {asked && result && (
        <div className={`lookup-result ${result.customerKey ? 'found' : 'not-found'}`} role="status" aria-label="Lookup result">
          <p className="lookup-message">
            <span aria-hidden="true">{result.customerKey ? '✓ ' : '✕ '}</span>
            {result.message}
          </p>
          <dl className="inline-dl">
            <div>
              <dt>Typed</dt>
              <dd>
                <code>{asked}</code>
              </dd>
            </div>
            <div>
              <dt>Read as</dt>
              <dd>{result.kind.replaceAll('_', ' ')}</dd>
            </div>
            <div>
              <dt>Normalised</dt>
              <dd>{result.normalized ? <code>{result.normalized}</code> : <span className="muted">could not be normalised</span>}</dd>
            </div>
            {result.customerKey && (
              <div>
                <dt>Profile</dt>
                <dd>
                  <button type="button" className="link-button" onClick={() => onOpen(result.customerKey!)}>
                    Open profile {result.customerKey}
                  </button>
                </dd>
              </div>
            )}
          </dl>
        </div>
      )}
    </section>
  );
}

function Glance({ id }: { id: IdentitySummary }) {
  const stats: { key: string; name: string; value: string; def: ReactNode }[] = [
    { key: 'records', name: 'Source records', value: formatCount(id.records), def: 'Customer records of the three systems (latest version of each key).' },
    { key: 'profiles', name: 'Profiles', value: formatCount(id.profiles), def: 'Resolved people: connected components of the linked records.' },
    { key: 'merge_ratio', name: 'Merge ratio', value: `${id.mergeRatio.toFixed(2)}×`, def: 'Source records per profile.' },
    { key: 'precision', name: 'Precision', value: pct(id.accuracy.precision), def: 'Of record pairs put in one profile, the share that truly are one person.' },
    { key: 'recall', name: 'Recall', value: pct(id.accuracy.recall), def: 'Of record pairs that truly are one person, the share put in one profile.' },
    { key: 'f1', name: 'F1', value: pct(id.accuracy.f1), def: 'Harmonic mean of precision and recall.' },
  ];
  return (
    <section aria-labelledby="glance-h">
      <h3 id="glance-h">At a glance</h3>
      <p className="note">
        Rules of this run: link on <strong>{linkText(id.link)}</strong>, placeholder threshold <strong>{id.placeholderThreshold}</strong>.{' '}
        {formatCount(id.records)} source records → {formatCount(id.profiles)} profiles.
      </p>
      <ul className="kpis" aria-label="Identity at a glance">
        {stats.map((s) => (
          <li key={s.key} className="kpi" data-stat={s.key}>
            <span className="kpi-name">{s.name}</span>
            <span className="kpi-value">{s.value}</span>
            <span className="kpi-def">{s.def}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function delta(after: number, before: number, asPct: boolean): string {
  const d = after - before;
  if (d === 0) return 'no change';
  const sign = d > 0 ? '+' : '−';
  return asPct ? `${sign}${(Math.abs(d) * 100).toFixed(2)} pts` : `${sign}${formatCount(Math.abs(d))}`;
}

function WhatMoved({ change, now }: { change: IdentityChange; now: IdentitySummary }) {
  const prev = change.previous;
  const rows: { name: string; before: string; after: string; change: string }[] = [
    { name: 'Profiles', before: formatCount(prev.profiles), after: formatCount(now.profiles), change: delta(now.profiles, prev.profiles, false) },
    ...(['precision', 'recall', 'f1'] as const).map((k) => ({
      name: k === 'f1' ? 'F1' : k[0].toUpperCase() + k.slice(1),
      before: pct(prev.accuracy[k]),
      after: pct(now.accuracy[k]),
      change: delta(now.accuracy[k], prev.accuracy[k], true),
    })),
  ];
  const moves: { key: string; label: string; n: number; def: string }[] = [
    { key: 'created', label: 'Profiles created', n: change.profilesCreated, def: 'profiles whose exact set of records did not exist before' },
    { key: 'removed', label: 'Profiles gone', n: change.profilesRemoved, def: 'earlier profiles whose exact set of records no longer exists' },
    { key: 'merged', label: 'Merged', n: change.merged, def: 'new profiles made of records from two or more earlier profiles' },
    { key: 'split', label: 'Split', n: change.split, def: 'earlier profiles whose records now sit in two or more profiles' },
    { key: 'unchanged', label: 'Unchanged', n: change.unchanged, def: 'profiles with exactly the same records as before' },
  ];
  return (
    <section className="card what-moved" aria-labelledby="moved-h">
      <h3 id="moved-h">What moved</h3>
      <p className="note">
        Same data, other rules: from link on <strong>{linkText(prev.link)}</strong>, threshold <strong>{prev.placeholderThreshold}</strong> to link on{' '}
        <strong>{linkText(now.link)}</strong>, threshold <strong>{now.placeholderThreshold}</strong>.
      </p>
      <div className="moved-grid">
        <div className="table-scroll compact">
          <table>
            <caption>Before and after the rule change</caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col" className="num">
                  Before
                </th>
                <th scope="col" className="num">
                  After
                </th>
                <th scope="col" className="num">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.name} data-measure={r.name.toLowerCase()}>
                  <th scope="row">{r.name}</th>
                  <td className="num">{r.before}</td>
                  <td className="num">
                    <strong>{r.after}</strong>
                  </td>
                  <td className="num">{r.change}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul className="moves" aria-label="Profiles moved">
          {moves.map((m) => (
            <li key={m.key} data-move={m.key}>
              <strong className="move-n">{formatCount(m.n)}</strong> <span className="move-label">{m.label}</span>
              <span className="muted small"> — {m.def}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function ClusterChart({ id }: { id: IdentitySummary }) {
  const theme = useChartTheme();
  const data = id.clusterSizes.map((c) => ({ size: String(c.size), profiles: c.profiles }));
  return (
    <ChartCard
      title="Profiles by cluster size"
      order={0}
      description="How many source records each profile merged. Most people have one to three records (one per system); large clusters are worth a look."
      table={{
        columns: [
          { key: 'size', label: 'Records in the profile' },
          { key: 'profiles', label: 'Profiles', numeric: true },
          { key: 'records', label: 'Records', numeric: true },
          { key: 'share', label: 'Share of profiles', numeric: true },
        ],
        rows: id.clusterSizes.map((c) => ({
          size: c.size,
          profiles: formatCount(c.profiles),
          records: formatCount(c.size * c.profiles),
          share: id.profiles ? formatPercent(c.profiles / id.profiles) : '—',
        })),
      }}
    >
      {(width: number) => (
        <BarChart width={width} height={280} data={data} margin={{ top: 22, right: 10, bottom: 18, left: 10 }}>
          <CartesianGrid stroke={theme.grid} vertical={false} />
          <XAxis
            dataKey="size"
            tick={{ fill: theme.text, fontSize: 14 }}
            interval={0}
            label={{ value: 'records per profile', position: 'insideBottom', offset: -12, fill: theme.muted, fontSize: 13 }}
          />
          <YAxis tick={{ fill: theme.muted, fontSize: 14 }} tickFormatter={(v: number) => compactNumber.format(v)} />
          <ChartTooltip {...tooltipProps(theme)} formatter={(v) => formatCount(Number(v))} labelFormatter={(l) => `${l} record${l === '1' ? '' : 's'} per profile`} />
          <Later>
            <Bar dataKey="profiles" name="Profiles" fill={theme.series[0]} isAnimationActive={false}>
              <LabelList dataKey="profiles" position="top" fill={theme.text} fontSize={13} formatter={(v: unknown) => formatCount(Number(v))} />
            </Bar>
          </Later>
        </BarChart>
      )}
    </ChartCard>
  );
}

function MatchRuleChart({ id }: { id: IdentitySummary }) {
  const theme = useChartTheme();
  const data = id.recordsByMatchRule.map((r) => ({ rule: r.rule, records: r.records }));
  return (
    <ChartCard
      title="Records by match rule"
      order={1}
      description={
        <>
          Which identifiers link each record to the others of its profile (<code>match_rule</code>, in the order email, phone, loyalty). A singleton shares
          nothing.
        </>
      }
      table={{
        columns: [
          { key: 'rule', label: 'match_rule' },
          { key: 'records', label: 'Records', numeric: true },
          { key: 'share', label: 'Share of records', numeric: true },
        ],
        rows: id.recordsByMatchRule.map((r) => ({
          rule: r.rule,
          records: formatCount(r.records),
          share: id.records ? formatPercent(r.records / id.records) : '—',
        })),
      }}
    >
      {(width: number) => (
        <BarChart
          layout="vertical"
          width={width}
          height={Math.max(200, 44 * data.length + 40)}
          data={data}
          margin={{ top: 5, right: 60, bottom: 5, left: 5 }}
        >
          <CartesianGrid stroke={theme.grid} horizontal={false} />
          <YAxis type="category" dataKey="rule" width={150} tick={{ fill: theme.text, fontSize: 14 }} interval={0} />
          <XAxis type="number" tick={{ fill: theme.muted, fontSize: 14 }} tickFormatter={(v: number) => compactNumber.format(v)} />
          <ChartTooltip {...tooltipProps(theme)} formatter={(v) => formatCount(Number(v))} />
          <Later>
            <Bar dataKey="records" name="Records" isAnimationActive={false}>
              {data.map((d, i) => (
                <Cell key={d.rule} fill={d.rule === 'singleton' ? theme.series[6] : theme.series[(i + 1) % 6]} />
              ))}
              <LabelList dataKey="records" position="right" fill={theme.text} fontSize={13} formatter={(v: unknown) => formatCount(Number(v))} />
            </Bar>
          </Later>
        </BarChart>
      )}
    </ChartCard>
  );
}

function Placeholders({ id }: { id: IdentitySummary }) {
  return (
    <section aria-labelledby="ph-h">
      <h3 id="ph-h">Blocked placeholders</h3>
      <p className="note">
        Identifier values held by more than {id.placeholderThreshold} records: a test address, a shop&apos;s phone typed for walk-in customers. Linking on them
        would glue strangers together, so they link nothing and the quality report lists them (<code>placeholder_identifiers</code>).
      </p>
      {id.placeholders.length === 0 ? (
        <p className="note">None under these rules.</p>
      ) : (
        <div className="table-scroll compact placeholders">
          <table>
            <caption>Placeholder values and the records that held each</caption>
            <thead>
              <tr>
                <th scope="col">Identifier</th>
                <th scope="col">Value</th>
                <th scope="col" className="num">
                  Records
                </th>
              </tr>
            </thead>
            <tbody>
              {id.placeholders.map((p) => (
                <tr key={`${p.kind}|${p.value}`}>
                  <td>{p.kind}</td>
                  <td>
                    <code>{p.value}</code>
                  </td>
                  <td className="num">{formatCount(p.records)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Accuracy({ id, onOpen }: { id: IdentitySummary; onOpen: (key: string) => void }) {
  const a: IdentityAccuracySummary = id.accuracy;
  return (
    <section aria-labelledby="acc-h">
      <h3 id="acc-h">Accuracy against the truth</h3>
      <p className="note">
        The generator knows who is who (<code>truth/person_map.csv</code>; in production you would label a sample by hand). Counted over pairs of source
        records: the rules put <strong>{formatCount(a.resolvedPairs)}</strong> pairs in one profile, and <strong>{formatCount(a.correctPairs)}</strong> of
        them truly are one person — precision <strong>{pct(a.precision)}</strong>. Of the <strong>{formatCount(a.truePairs)}</strong> pairs that truly are one
        person, the same {formatCount(a.correctPairs)} were found — recall <strong>{pct(a.recall)}</strong>. F1 {pct(a.f1)}.
      </p>
      <div className="merge-errors">
        <MergeErrors
          title="False merges"
          items={id.falseMerges}
          count={id.falseMergeCount}
          explain="One profile holding records of two or more real people — for example a household sharing a phone. They hurt precision: one person's orders and consent land on another."
          onOpen={onOpen}
        />
        <MergeErrors
          title="Missed merges"
          items={id.missedMerges}
          count={id.missedMergeCount}
          explain="One real person split over two or more profiles — for example an email that changed while nothing else was shared. They hurt recall: the person is counted twice and their history is split."
          onOpen={onOpen}
        />
      </div>
    </section>
  );
}

const STEP = 8;

function MergeErrors({ title, items, count, explain, onOpen }: { title: string; items: readonly MergeError[]; count: number; explain: string; onOpen: (key: string) => void }) {
  const uid = useId();
  const [shown, setShown] = useState(STEP);
  return (
    <section className="card merge-list" aria-labelledby={`${uid}-h`}>
      <h4 id={`${uid}-h`}>
        {title} <span className="rows">({formatCount(count)})</span>
      </h4>
      <p className="note">{explain}</p>
      {items.length === 0 ? (
        <p className="note">None.</p>
      ) : (
        <ol aria-label={title}>
          {items.slice(0, shown).map((m, i) => (
            <li key={i} className="merge-item">
              <p className="cause">{m.cause}</p>
              <ul className="merge-records">
                {m.records.map((r) => (
                  <li key={r.record}>
                    <code>{r.record}</code> <span className="muted">in</span> <code>{r.customerKey}</code>{' '}
                    <span className="muted">· true person</span> <code>{r.truePerson}</code>
                  </li>
                ))}
              </ul>
              <div className="button-row">
                {m.customerKeys.map((k) => (
                  <button key={k} type="button" className="small" onClick={() => onOpen(k)}>
                    Open profile {k}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ol>
      )}
      {shown < items.length && (
        <button type="button" className="small" onClick={() => setShown((n) => n + STEP * 2)}>
          Show more {title.toLowerCase()} ({formatCount(Math.min(items.length - shown, STEP * 2))} of {formatCount(items.length - shown)} left)
        </button>
      )}
      {count > items.length && <p className="note">The {formatCount(items.length)} largest of {formatCount(count)} are listed.</p>}
    </section>
  );
}

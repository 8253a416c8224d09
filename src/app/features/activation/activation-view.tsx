// Activation: the three consent-gated audiences (email, SMS, ads) — who is in, who is left out and
// why, exactly which columns leave the warehouse — and, for a learner, which Customer 360 fields
// are safe to activate and which never leave.
import { useId } from 'react';
import { useRun } from '../../shell/run-context';
import { linkProps, useNav } from '../../shell/nav-context';
import { useWorkerQuery } from '../../lib/use-worker-query';
import { findTable, PATHS } from '../../lib/tables';
import { fileName, formatCount, formatPercent } from '../../lib/format';
import { CSV_TYPE, saveBytes } from '../../lib/download';
import { useDownload } from '../../lib/use-download';
import { ErrorState, Loading } from '../../components/states';
import { getPipeline } from '../../../worker/client';
import type { ActivationChannel, TableInfo } from '../../../worker/api';

const CHANNEL_LABELS: Record<ActivationChannel['channel'], string> = { email: 'Email', sms: 'SMS', ads: 'Ads' };
const FLAG_OF: Record<ActivationChannel['channel'], string> = { email: 'can_email', sms: 'can_sms', ads: 'can_target_ads' };
const CONTACT_OF: Record<ActivationChannel['channel'], string> = { email: 'an email address', sms: 'a phone number', ads: 'an email to hash' };

const EXCLUSIONS = [
  { key: 'never_asked', label: 'Never asked', why: (c: ActivationChannel) => `no ${c.purpose} consent event at all: silence is not consent` },
  { key: 'withdrawn', label: 'Withdrawn', why: (c: ActivationChannel) => `the latest ${c.purpose} event is a withdrawal (an unsubscribe wins over an older opt-in)` },
  { key: 'no_contact_point', label: 'No contact point', why: (c: ActivationChannel) => `consent granted, but no ${CONTACT_OF[c.channel].replace(/^an? /, '')}` },
] as const;

export function ActivationView() {
  const { summary } = useRun();
  const q = useWorkerQuery<readonly ActivationChannel[]>('activation', (api) => api.activation());
  const c360 = findTable(summary, PATHS.customer360);
  const profiles = c360?.rows ?? 0;
  return (
    <div className="view activation">
      <div className="view-head">
        <h2>Activation</h2>
        <p className="lede">
          The gold audiences that marketing tools receive: one file per channel, holding only people whose <em>current</em> consent for that purpose is
          granted and only the columns the channel needs. Anyone else in an audience, or any other personal field, is a defect the quality report fails on (
          <code>activation_consent_violations</code>).
        </p>
      </div>
      {q.error && <ErrorState title="Could not load the audiences" message={q.error} />}
      {!q.data && !q.error && <Loading label="Counting audiences…" />}
      {q.data && (
        <div className="channel-grid">
          {q.data.map((c) => (
            <ChannelCard key={c.channel} c={c} profiles={profiles} />
          ))}
        </div>
      )}
      <FieldSafety c360={c360} channels={q.data} />
    </div>
  );
}

function ChannelCard({ c, profiles }: { c: ActivationChannel; profiles: number }) {
  const nav = useNav();
  const uid = useId();
  const dl = useDownload();
  const label = CHANNEL_LABELS[c.channel];
  const excludedTotal = c.excluded.never_asked + c.excluded.withdrawn + c.excluded.no_contact_point;
  const total = profiles || c.audience + excludedTotal;
  const share = (n: number) => (total ? formatPercent(n / total) : '—');
  const file = fileName(c.path);

  const download = () => dl.start(c.path, async () => saveBytes(await getPipeline().csv(c.path), file, CSV_TYPE));

  const parts = [
    { key: 'audience', n: c.audience, label: 'In the audience' },
    ...EXCLUSIONS.map((x) => ({ key: x.key, n: c.excluded[x.key], label: x.label })),
  ];

  return (
    <section className="card channel" aria-labelledby={`${uid}-h`} data-channel={c.channel}>
      <header className="channel-head">
        <h3 id={`${uid}-h`}>{label}</h3>
        <code>{c.purpose}</code>
      </header>
      <p className="audience">
        <span className="swatch seg-audience" aria-hidden="true" />{' '}
        <span className="audience-n" data-audience={c.audience}>
          {formatCount(c.audience)}
        </span>{' '}
        <span className="muted">
          of {formatCount(total)} profiles ({share(c.audience)}) may receive {c.channel === 'ads' ? 'personalised ads' : c.channel === 'sms' ? 'SMS marketing' : 'email marketing'}
        </span>
      </p>
      <div className="share-bar" aria-hidden="true">
        {parts.map((p) => (p.n > 0 ? <span key={p.key} className={`seg seg-${p.key}`} style={{ flexGrow: p.n }} title={`${p.label}: ${formatCount(p.n)}`} /> : null))}
      </div>

      <h4>The consent rule</h4>
      <p className="rule">{c.rule}</p>

      <h4>Left out, and why</h4>
      <ul className="exclusions" aria-label={`Left out of the ${label} audience`}>
        {EXCLUSIONS.map((x) => (
          <li key={x.key} data-reason={x.key}>
            <span className={`swatch seg-${x.key}`} aria-hidden="true" />
            <strong>{formatCount(c.excluded[x.key])}</strong> {x.label.toLowerCase()} <span className="muted small">({share(c.excluded[x.key])})</span>
            <span className="why">{x.why(c)}</span>
          </li>
        ))}
      </ul>

      <h4>Columns that leave the warehouse</h4>
      <ul className="col-chips" aria-label={`Columns of ${file}`}>
        {c.columns.map((col) => (
          <li key={col}>
            <code>{col}</code>
          </li>
        ))}
      </ul>
      <p className="why-cols">{c.columnsWhy}</p>

      <div className="button-row channel-actions">
        <button type="button" className="primary" onClick={download} disabled={dl.busy !== null} aria-label={`Download ${file}`}>
          {dl.busy ? 'Preparing…' : `Download ${file}`}
        </button>
        <a {...linkProps(nav, { view: 'customers', filters: [{ column: FLAG_OF[c.channel], op: 'eq', value: 'true' }] })}>
          See them in Customer 360 ({FLAG_OF[c.channel]} = true)
        </a>
      </div>
      {dl.error && <ErrorState title="Download failed" message={dl.error} />}
    </section>
  );
}

/** Customer 360 columns by what they are, for the "never leaves" list; unknown columns go to Other. */
const GROUPS: { title: string; why: string; match: (name: string) => boolean }[] = [
  {
    title: 'Who and where',
    why: 'Names, city and country identify and locate a person; no channel needs them to deliver a message.',
    match: (n) => ['full_name', 'first_name', 'last_name', 'city', 'country', 'source_systems', 'source_record_count', 'loyalty_id'].includes(n),
  },
  {
    title: 'Value and orders',
    why: 'Spend is commercially sensitive and says a lot about a person; it chooses who is targeted inside, it does not travel.',
    match: (n) => /order|revenue|value_tier|segment/.test(n),
  },
  {
    title: 'Behaviour',
    why: 'Browsing is collected for the shop, not for sharing: a purpose the person never agreed to.',
    match: (n) => /session|product_view|add_to_cart|last_seen/.test(n),
  },
  {
    title: 'Support',
    why: 'Tickets and satisfaction scores are service data; using them in marketing would surprise (and upset) people.',
    match: (n) => /ticket|csat/.test(n),
  },
  {
    title: 'Predictions',
    why: 'A churn score is profiling; sending it to an ad platform is a new purpose, and it is wrong often enough to harm.',
    match: (n) => /churn/.test(n),
  },
  {
    title: 'Campaign history',
    why: 'Opens and clicks are measured on our side; the platform already sees its own, it does not need ours.',
    match: (n) => /campaign/.test(n),
  },
  {
    title: 'Consent state itself',
    why: 'Used inside the warehouse to pick the audience; the file is the result, the reasons stay home.',
    match: (n) => /^consent_|^can_/.test(n),
  },
];

function FieldSafety({ c360, channels }: { c360: TableInfo | undefined; channels: readonly ActivationChannel[] | undefined }) {
  const exported = new Set(['customer_key', 'email', 'phone']);
  const stay = (c360?.columns ?? []).map((c) => c.name).filter((n) => !exported.has(n));
  const grouped = GROUPS.map((g) => ({ ...g, cols: stay.filter((n) => g.match(n)) }));
  const placed = new Set(grouped.flatMap((g) => g.cols));
  const other = stay.filter((n) => !placed.has(n));
  const audience = (ch: ActivationChannel['channel']) => channels?.find((c) => c.channel === ch)?.audience;
  const n = (ch: ActivationChannel['channel']) => (audience(ch) === undefined ? '' : ` (${formatCount(audience(ch)!)} people now)`);

  return (
    <section className="field-safety" aria-labelledby="safety-h">
      <h3 id="safety-h">Which Customer 360 fields are safe for marketing activation?</h3>
      <p className="lede">
        Customer 360 knows a lot about each person, but consent is given <em>for a purpose</em> — &ldquo;send me offers by email&rdquo; — not for
        everything we know. Two principles decide what leaves the warehouse: <strong>purpose limitation</strong> (data collected for one purpose is not
        reused for another the person did not agree to) and <strong>data minimisation</strong> (send only what the channel needs to do its job). Consent is
        also <strong>current state</strong>: it is re-read on every run, so a withdrawal today removes the person from tomorrow&apos;s file.
      </p>
      <div className="safety-grid">
        <div className="card safe">
          <h4>
            <span aria-hidden="true">✓ </span>Safe to activate — under current consent
          </h4>
          <ul>
            <li>
              <code>customer_key</code> — a pseudonymous key that means nothing outside; it lets results (opens, conversions) come back and be joined
              inside.
            </li>
            <li>
              <code>email</code> — only for people with <code>can_email</code>: email marketing consent granted and a valid address{n('email')}.
            </li>
            <li>
              <code>phone</code> — only for people with <code>can_sms</code>: SMS consent granted and a valid E.164 number{n('sms')}.
            </li>
            <li>
              <code>email_sha256</code> — only for people with <code>can_target_ads</code>{n('ads')}: ad platforms match customer lists on a hash of the
              normalised email, so the address itself never leaves. Hashing is pseudonymisation, not anonymisation — the platform can still match the person —
              which is exactly why it still needs consent.
            </li>
          </ul>
          <p className="note">
            One channel, one contact field: the email file has no phone, the SMS file no email, the ads file no address at all. Segments and scores may
            <em> choose</em> who is in a file inside the warehouse, but the file never carries them.
          </p>
        </div>
        <div className="card never">
          <h4>
            <span aria-hidden="true">✕ </span>Never leaves the warehouse
          </h4>
          <p className="note">
            The email and phone of anyone without current consent for that channel — never asked, or withdrawn — and every other column of{' '}
            <code>customer_360</code>:
          </p>
          <dl className="never-groups">
            {grouped
              .filter((g) => g.cols.length > 0)
              .map((g) => (
                <div key={g.title}>
                  <dt>{g.title}</dt>
                  <dd>
                    <span className="col-list">
                      {g.cols.map((c) => (
                        <code key={c}>{c}</code>
                      ))}
                    </span>
                    <span className="why">{g.why}</span>
                  </dd>
                </div>
              ))}
            {other.length > 0 && (
              <div>
                <dt>Other</dt>
                <dd>
                  <span className="col-list">
                    {other.map((c) => (
                      <code key={c}>{c}</code>
                    ))}
                  </span>
                  <span className="why">Not needed by any channel, so not sent.</span>
                </dd>
              </div>
            )}
          </dl>
        </div>
      </div>
    </section>
  );
}

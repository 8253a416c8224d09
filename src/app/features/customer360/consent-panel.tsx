// A person's consent: per purpose, every event in time order with the one that decided the
// current state marked, and the channels the person can be reached on now (and why not).
import type { ConsentHistory, ProfileDetail } from '../../../worker/api';

export const CHANNELS = [
  { channel: 'email', label: 'Email', purpose: 'email_marketing', contact: 'email', noContact: 'no valid email address' },
  { channel: 'sms', label: 'SMS', purpose: 'sms_marketing', contact: 'phone', noContact: 'no valid phone number' },
  { channel: 'ads', label: 'Ads', purpose: 'personalized_ads', contact: 'email', noContact: 'no email to hash for the ad platform' },
] as const;

const STATE_WORDS: Record<string, string> = {
  granted: 'granted: the latest event says yes',
  withdrawn: 'withdrawn: the latest event says no',
  unknown: 'unknown: never asked (no event)',
};

function whyNot(detail: ProfileDetail, c: (typeof CHANNELS)[number]): string {
  const state = detail.consent.find((h) => h.purpose === c.purpose)?.state ?? 'unknown';
  if (state === 'unknown') return `never asked for ${c.purpose} consent`;
  if (state === 'withdrawn') return `${c.purpose} consent withdrawn`;
  const value = detail.fields.find((f) => f.name === c.contact)?.value ?? '';
  return value === '' ? `consent granted, but ${c.noContact}` : 'not in the audience';
}

export function Reachability({ detail }: { detail: ProfileDetail }) {
  return (
    <ul className="reach" aria-label="Reachable channels">
      {CHANNELS.map((c) => {
        const yes = detail.reachable.includes(c.channel);
        return (
          <li key={c.channel} className={`flag flag-${yes ? 'yes' : 'no'}`}>
            <span aria-hidden="true">{yes ? '✓' : '✕'}</span> {c.label}: {yes ? 'reachable' : `not reachable — ${whyNot(detail, c)}`}
          </li>
        );
      })}
    </ul>
  );
}

export function ConsentPanel({ detail }: { detail: ProfileDetail }) {
  return (
    <div className="consent-panel">
      <h3 className="panel-h">Channels this person can be reached on now</h3>
      <Reachability detail={detail} />
      <p className="note">
        A channel needs the purpose&apos;s current consent to be <em>granted</em> and a contact point for it. The current state is the latest consent event of the
        purpose over all of the person&apos;s merged source records (by event time, then event id) — so an unsubscribe in one system overrides an older
        opt-in in another.
      </p>
      {detail.consent.map((h) => (
        <PurposeHistory key={h.purpose} history={h} />
      ))}
    </div>
  );
}

/** The columns that tell the story first; the purpose and key are the same on every row, so left out. */
const FIRST = ['event_ts', 'status', 'capture_point', 'source_system', 'source_customer_id', 'event_id'];
const SAME_ON_EVERY_ROW = new Set(['purpose', 'customer_key']);

function PurposeHistory({ history }: { history: ConsentHistory }) {
  const set = history.events;
  const idIdx = set.columns.indexOf('event_id');
  const shown = [
    ...FIRST.filter((c) => set.columns.includes(c)),
    ...set.columns.filter((c) => !FIRST.includes(c) && !SAME_ON_EVERY_ROW.has(c)),
  ].map((c) => set.columns.indexOf(c));
  return (
    <section className="purpose" aria-label={`Consent history: ${history.purpose}`}>
      <h4>
        <code>{history.purpose}</code> <span className={`flag consent-${history.state}`}>{history.state}</span>
      </h4>
      <p className="note">
        {STATE_WORDS[history.state] ?? history.state}
        {history.decidedBy && (
          <>
            {' '}
            — decided by event <code>{history.decidedBy}</code> (highlighted).
          </>
        )}
      </p>
      {set.rows.length > 0 && (
        <div className="table-scroll compact">
          <table>
            <caption className="visually-hidden">Consent events for {history.purpose}, in time order</caption>
            <thead>
              <tr>
                <th scope="col">Decides?</th>
                {shown.map((j) => (
                  <th key={j} scope="col">
                    {set.columns[j]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {set.rows.map((r, i) => {
                const decisive = idIdx >= 0 && r[idIdx] === history.decidedBy;
                return (
                  <tr key={i} className={decisive ? 'decisive' : undefined} aria-current={decisive ? 'true' : undefined}>
                    <td>{decisive ? <strong>◆ current state</strong> : <span className="muted">superseded</span>}</td>
                    {shown.map((j) => (
                      <td key={j}>{r[j] === '' ? <span className="null">—</span> : r[j]}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

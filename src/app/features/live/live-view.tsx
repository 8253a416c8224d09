// Live: the run's rows replayed as CDC topics, one arrival at a time, into the Customer 360 the
// batch builds. The worker replays; this view draws one snapshot per frame while it plays and, at
// the end, says how many of the run's files written from the live state equal the batch's.
import { useState, type FormEvent } from 'react';
import type { LiveSpeed } from '../../../worker/api';
import { getPipeline } from '../../../worker/client';
import { CSV_TYPE, saveBytes } from '../../lib/download';
import { useDownload } from '../../lib/use-download';
import { formatCount } from '../../lib/format';
import { PATHS } from '../../lib/tables';
import { ErrorState, Loading } from '../../components/states';
import { ChangeCounts, Counters, ProfileCard, SegmentChart, Ticker, timeText, TopicTable, useEvery } from './live-parts';
import { DEFAULT_LATENESS_MINUTES, useLiveSession } from './use-live-session';

const SPEEDS: { speed: Exclude<LiveSpeed, 0>; label: string; name: string }[] = [
  { speed: 1, label: '1×', name: 'Speed 1×' },
  { speed: 10, label: '10×', name: 'Speed 10×' },
  { speed: 100, label: '100×', name: 'Speed 100×' },
  { speed: 'max', label: 'Max', name: 'Speed max' },
];

export function LiveView() {
  const session = useLiveSession();
  const { view, error, rates, comparison, comparing, act } = session;
  const [chosen, setChosen] = useState<Exclude<LiveSpeed, 0>>(10);
  const [lateness, setLateness] = useState(String(DEFAULT_LATENESS_MINUTES));
  const [followText, setFollowText] = useState('');
  const [followMessage, setFollowMessage] = useState('');
  const download = useDownload();
  const playing = view !== null && view.speed !== 0;
  const segments = useEvery(JSON.stringify(view?.segments ?? []), 500, !playing);

  const latenessMinutes = Number(lateness);
  const latenessValid = lateness.trim() !== '' && Number.isFinite(latenessMinutes) && latenessMinutes >= 0;
  const restart = (e: FormEvent) => {
    e.preventDefault();
    if (latenessValid) void session.restart(latenessMinutes);
  };
  const follow = (target: { latest: true } | { text: string }) =>
    act(async (api) => {
      const r = await api.liveFollow(target);
      setFollowMessage(r.message);
      return api.liveSnapshot();
    });
  const choose = (speed: Exclude<LiveSpeed, 0>) => {
    setChosen(speed);
    if (playing) void session.setSpeed(speed);
  };

  const head = (
    <div className="view-head">
      <h2>Live</h2>
      <p className="lede">
        The same rows as the batch run, replayed as a stream. Each source is a <strong>CDC topic</strong> (Debezium for the customer and order databases,
        event streams for the rest); a consumer reads it in order, and its <strong>offset</strong> is the next row to read. <strong>Lag</strong> is how
        far the offset is behind the topic's end. Rows arrive in the order bronze landed them (<code>_ingested_at</code>, then file order); bronze lands a micro-batch a
        minute, and the replay spreads each batch over its minute, so 1× streams at the feed's own rate. A topic's <strong>watermark</strong> is the
        latest event time seen minus the allowed lateness; an event older than the watermark is <strong>late</strong>. It is still applied (late data
        corrects the profile), only counted. Freshness is the quality report's check, measured to the replay clock. Every row updates one profile
        in place: records link and split, orders upsert, events fold in. When the stream ends, the live state is written out as the run's files, and
        they equal the batch run's byte for byte.
      </p>
    </div>
  );
  if (error && !view) return <div className="view live">{head}<ErrorState message={error} /></div>;
  if (!view) return <div className="view live">{head}<Loading label="Decoding the topics…" /></div>;

  const clock = view.simulatedMs ?? view.clockMs;
  return (
    <div className="view live">
      {head}
      <section className="card live-controls" aria-label="Replay controls">
        <div className="button-row">
          <button
            type="button"
            className="primary"
            disabled={view.done}
            onClick={() => void session.setSpeed(playing ? 0 : chosen)}
          >
            {playing ? 'Pause' : 'Play'}
          </button>
          <button type="button" disabled={view.done} onClick={() => void act((api) => api.liveStep())}>
            Step one event
          </button>
          <div role="group" aria-label="Speed" className="speed-group">
            {SPEEDS.map((s) => (
              <button key={s.label} type="button" aria-pressed={chosen === s.speed} aria-label={s.name} onClick={() => choose(s.speed)}>
                {s.label}
              </button>
            ))}
          </div>
          <form className="lateness" onSubmit={restart}>
            <label htmlFor="live-lateness">Allowed lateness (minutes)</label>
            <input
              id="live-lateness"
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={lateness}
              aria-invalid={!latenessValid}
              onChange={(e) => setLateness(e.target.value)}
            />
            <button type="submit" disabled={!latenessValid}>
              Restart stream
            </button>
          </form>
        </div>
        <div className="live-status">
          <p data-live-position={view.position} data-live-total={view.total}>
            <strong>{formatCount(view.position)}</strong> of {formatCount(view.total)} arrivals applied
            {view.done ? ' · stream ended' : playing ? ` · playing at ${SPEEDS.find((s) => s.speed === view.speed)?.label ?? ''}` : ' · paused'}
            {playing && (rates.arrivals ?? 0) > 0 && <span className="note"> · {formatCount(Math.round(rates.arrivals))} arrivals per second{view.speed === 'max' ? ', as fast as the worker applies them' : ''}</span>}
          </p>
          <p>
            Replay clock <strong className="time">{timeText(clock)}</strong>
            {view.nextArrivalMs !== null && <span className="note"> · next arrival {timeText(view.nextArrivalMs)}</span>}
            <span className="note"> · allowed lateness {formatCount(view.allowedLatenessMs / 60_000)} min</span>
          </p>
          <div className="live-progress" aria-hidden="true">
            <span style={{ width: `${view.total ? ((view.position / view.total) * 100).toFixed(2) : 0}%` }} />
          </div>
        </div>
        {error && <p className="field-error static" role="alert">{error}</p>}
      </section>

      {view.done && (
        <section className="card live-end" aria-labelledby="live-end-h">
          <h3 id="live-end-h">The stream has ended</h3>
          <div role="status" aria-live="polite">
            {comparison ? (
              <p className={comparison.equal === comparison.total ? 'live-equal' : 'live-differ'} data-equal={comparison.equal} data-total={comparison.total}>
                {comparison.equal === comparison.total
                  ? `All ${comparison.total} files written from the live state (silver, gold, reports and the manifest) equal the batch run's, byte for byte.`
                  : `${comparison.equal} of ${comparison.total} files written from the live state equal the batch run's; these differ: ${comparison.files
                      .filter((f) => !f.equal)
                      .map((f) => f.path)
                      .join(', ')}.`}
              </p>
            ) : comparing ? (
              <p>Writing the silver, gold and report files from the live state and comparing them with the batch run's…</p>
            ) : (
              <p>
                <button type="button" onClick={session.compare}>
                  Compare the live state's files with the batch run
                </button>{' '}
                <span className="note">At this size writing them takes the worker about a second per 5,000 customers.</span>
              </p>
            )}
          </div>
          {comparison && (
            <button
              type="button"
              disabled={download.busy !== null}
              onClick={() => download.start('c360', async () => saveBytes(await getPipeline().liveCsv(PATHS.customer360), 'customer_360.live.csv', CSV_TYPE))}
            >
              Download customer_360.csv from the live state
            </button>
          )}
          {download.error && <p className="field-error static" role="alert">{download.error}</p>}
        </section>
      )}

      <section className="live-topics-card card" aria-labelledby="live-topics-h">
        <h3 id="live-topics-h">Topics</h3>
        <TopicTable topics={view.topics} clockMs={clock} />
      </section>

      <Counters counts={view.counts} rates={rates} />

      <div className="live-grid">
        <section className="card" aria-labelledby="live-ticker-h">
          <h3 id="live-ticker-h">Latest changes</h3>
          <Ticker entries={view.ticker} onFollow={(record) => void follow({ text: record })} />
        </section>
        <section className="card" aria-labelledby="live-profile-h">
          <h3 id="live-profile-h">{view.follow.latest ? 'Profile of the latest change' : 'Followed profile'}</h3>
          <form
            className="input-with-button live-follow"
            onSubmit={(e) => {
              e.preventDefault();
              if (followText.trim()) void follow({ text: followText });
            }}
          >
            <label htmlFor="live-follow" className="visually-hidden">
              Follow a customer_key, record (system:id) or identifier
            </label>
            <input id="live-follow" value={followText} placeholder="c360_…, web:W000123, an email" onChange={(e) => setFollowText(e.target.value)} />
            <button type="submit">Follow</button>
          </form>
          <div className="button-row">
            <button type="button" className="small" aria-pressed={view.follow.latest} onClick={() => void follow({ latest: true })}>
              Follow the latest change
            </button>
            {followMessage && <span className="note">{followMessage}</span>}
          </div>
          <ProfileCard profile={view.profile} />
        </section>
      </div>

      <div className="live-grid">
        <SegmentChart counts={segments} />
        <section className="card" aria-labelledby="live-kinds-h">
          <h3 id="live-kinds-h">Every change so far</h3>
          <p className="note">
            One arrival makes one change, or a few (a customer record that links two people creates a profile, then merges it). Events
            whose person has not arrived yet wait on their record and fold in when it does.
          </p>
          <ChangeCounts counts={view.counts} />
        </section>
      </div>
    </div>
  );
}

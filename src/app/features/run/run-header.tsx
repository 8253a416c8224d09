// The header: what run is on screen, the form to ask for another, and the run's downloads.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useRun, STAGES } from '../../shell/run-context';
import { useNav } from '../../shell/nav-context';
import { CUSTOMER_PRESETS, fmtInt, paramsKey, randomSeed, runTextOf, validateRun } from '../../lib/run-params';
import type { RunText } from '../../lib/url-state';
import { getPipeline } from '../../../worker/client';
import { runZipName, saveBytes, ZIP_TYPE } from '../../lib/download';
import { useDownload } from '../../lib/use-download';
import { formatMs } from '../../lib/format';

type Field = 'seed' | 'customers' | 'now';

export function RunHeader() {
  const { summary, running } = useRun();
  const nav = useNav();
  const uid = useId();
  const shown = summary?.params;

  // The form starts from the URL's parameters and follows them when they change.
  const [draft, setDraft] = useState<RunText>(nav.run);
  const [error, setError] = useState<{ field: Field | 'other'; message: string } | null>(null);
  const runKey = JSON.stringify(nav.run);
  useEffect(() => {
    setDraft(nav.run);
    setError(null);
  }, [runKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const refs = { seed: useRef<HTMLInputElement>(null), customers: useRef<HTMLSelectElement>(null), now: useRef<HTMLInputElement>(null) };

  function check(next: RunText): boolean {
    const v = validateRun(next);
    if (v.ok) {
      setError(null);
      return true;
    }
    const field = (['seed', 'customers', 'now'] as const).find((f) => f === v.error.param) ?? 'other';
    setError({ field, message: v.error.message });
    return false;
  }

  function update(patch: RunText) {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (error) check(next);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const v = validateRun(draft);
    if (!v.ok) {
      check(draft);
      const f = v.error.param as Field;
      refs[f]?.current?.focus();
      return;
    }
    nav.setRun(runTextOf(v.params));
  }

  const customersValue = draft.customers ?? '5000';
  const presets: number[] = [...CUSTOMER_PRESETS];
  const n = Number(customersValue);
  if (Number.isInteger(n) && !presets.includes(n)) presets.push(n);
  presets.sort((a, b) => a - b);

  const fieldError = (f: Field) => (error && error.field === f ? error.message : null);
  const draftValid = validateRun(draft);
  const unchanged = draftValid.ok && shown && paramsKey(draftValid.params) === paramsKey(shown);

  return (
    <header className="app-header">
      <div className="brand">
        <span className="logo" aria-hidden="true" />
        <div>
          <h1>Customer 360 Lab</h1>
          <RunShown />
        </div>
      </div>
      <form className="run-form" onSubmit={submit} aria-label="Run parameters" noValidate>
        <div className={`field${fieldError('seed') ? ' invalid' : ''}`}>
          <label htmlFor={`${uid}-seed`}>Seed</label>
          <div className="input-with-button">
            <input
              id={`${uid}-seed`}
              ref={refs.seed}
              inputMode="numeric"
              value={draft.seed ?? ''}
              onChange={(e) => update({ seed: e.target.value })}
              onBlur={() => check(draft)}
              aria-invalid={!!fieldError('seed')}
              aria-describedby={fieldError('seed') ? `${uid}-err` : undefined}
              size={11}
            />
            <button type="button" onClick={() => update({ seed: String(randomSeed()) })} aria-label="Random seed" title="Pick a random seed">
              Random
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-customers`}>Customers</label>
          <select id={`${uid}-customers`} ref={refs.customers} value={customersValue} onChange={(e) => update({ customers: e.target.value })}>
            {presets.map((p) => (
              <option key={p} value={String(p)}>
                {fmtInt.format(p)}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${fieldError('now') ? ' invalid' : ''}`}>
          <label htmlFor={`${uid}-now`}>Now (UTC)</label>
          <input
            id={`${uid}-now`}
            ref={refs.now}
            value={draft.now ?? ''}
            onChange={(e) => update({ now: e.target.value })}
            onBlur={() => check(draft)}
            aria-invalid={!!fieldError('now')}
            aria-describedby={fieldError('now') ? `${uid}-err` : undefined}
            size={20}
            spellCheck={false}
          />
        </div>
        <div className="field field-check">
          <input id={`${uid}-issues`} type="checkbox" checked={(draft.issues ?? 'true') === 'true'} onChange={(e) => update({ issues: String(e.target.checked) })} />
          <label htmlFor={`${uid}-issues`}>Inject problems</label>
        </div>
        <button type="submit" className="primary" disabled={!!running && !!unchanged}>
          {running ? 'Regenerating…' : 'Regenerate'}
        </button>
        {error && (
          <p className="field-error" id={`${uid}-err`} role="alert">
            {error.message}
          </p>
        )}
      </form>
    </header>
  );
}

/** The parameters of the result the views show. */
function RunShown() {
  const { summary } = useRun();
  const shown = summary?.params;
  if (!shown) {
    return (
      <p className="run-shown" role="status" aria-label="Run on screen">
        No run on screen yet.
      </p>
    );
  }
  // Identity rules are named only when they differ from the defaults (as in the URL).
  const rules = runTextOf(shown);
  return (
    <p className="run-shown" data-run={paramsKey(shown)} role="status" aria-label="Run on screen" title={`Built in ${formatMs(summary.totalMs)}`}>
      seed <strong>{shown.seed}</strong> · <strong>{fmtInt.format(shown.customers)}</strong> customers · now <strong>{shown.now}</strong> · problems{' '}
      <strong>{shown.issues ? 'on' : 'off'}</strong>
      {(rules.link !== undefined || rules.placeholderThreshold !== undefined) && (
        <>
          {' '}
          · link <strong>{shown.link.length ? shown.link.join(', ') : 'nothing'}</strong> · placeholder threshold{' '}
          <strong>{shown.placeholderThreshold}</strong>
        </>
      )}
    </p>
  );
}

/** Run-level downloads: everything on screen as one zip. */
export function RunDownloads() {
  const { summary } = useRun();
  const shown = summary?.params;
  const dl = useDownload();
  function downloadZip() {
    if (!shown) return;
    return dl.start('zip', async () => saveBytes(await getPipeline().zip(), runZipName(shown), ZIP_TYPE));
  }

  return (
    <div className="run-status">
      <button type="button" className="small" onClick={downloadZip} disabled={!shown || dl.busy !== null}>
        {dl.busy ? 'Zipping…' : 'Download run (.zip)'}
      </button>
      {dl.error && (
        <p className="field-error" role="alert">
          Zip failed: {dl.error}
        </p>
      )}
    </div>
  );
}

/** A progress bar per stage while a run is being built. */
export function RunProgressBar() {
  const { running, progress } = useRun();
  if (!running) return null;
  return <RunProgress progress={progress} label={`Building seed ${running.seed}, ${fmtInt.format(running.customers)} customers`} />;
}

function RunProgress({ progress, label }: { progress: Readonly<Record<string, number>>; label: string }) {
  const stages = [...STAGES, ...Object.keys(progress).filter((s) => !(STAGES as readonly string[]).includes(s))];
  return (
    <div className="run-progress" role="group" aria-label="Run progress">
      <p className="run-progress-label">{label}…</p>
      <ol>
        {stages.map((s) => {
          const v = progress[s] ?? 0;
          return (
            <li key={s}>
              <span>{s}</span>
              <progress max={1} value={v} aria-label={`${s} stage`}>
                {Math.round(v * 100)}%
              </progress>
              <span className="pct">{Math.round(v * 100)}%</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

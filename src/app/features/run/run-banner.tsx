// Messages about runs: parameters a link carried that were refused, and failed runs with a way out.
import { useRun } from '../../shell/run-context';
import { fmtInt } from '../../lib/run-params';
import { DEFAULT_PARAMS } from '../../../pipeline/params';

export function RunBanner({ refused }: { refused: string[] }) {
  const { failure, dismissFailure, recover, summary } = useRun();
  return (
    <>
      {refused.length > 0 && (
        <div className="banner banner-warn" role="alert">
          <strong>This link has a parameter the lab refuses.</strong>
          <ul>
            {refused.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <p>The default is used instead until you change it in the header.</p>
        </div>
      )}
      {failure && (
        <div className="banner banner-error" role="alert">
          <strong>
            {failure.crashed ? 'The data worker stopped' : 'The run failed'} (seed {failure.params.seed}, {fmtInt.format(failure.params.customers)} customers).
          </strong>
          <p>{failure.message}</p>
          <p>
            {failure.crashed
              ? 'Its tables are gone. A very large run can exhaust the browser’s memory; a smaller one usually works.'
              : summary
                ? 'The previous result is still on screen.'
                : 'There is no result on screen yet.'}
          </p>
          <div className="banner-actions">
            <button type="button" className="primary" onClick={recover}>
              Restart the worker and run {fmtInt.format(DEFAULT_PARAMS.customers)} customers
            </button>
            {!failure.crashed && summary && (
              <button type="button" onClick={dismissFailure}>
                Dismiss
              </button>
            )}
          </div>
        </div>
      )}
    </>
  );
}

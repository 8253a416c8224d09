// The whole run as it leaves the lab in one zip: the run tree, the review and all three exports
// (what `npm run pipeline -- --export all` writes). The header's run zip stays the quick one.
import { getPipeline } from '../../../worker/client';
import { useRun } from '../../shell/run-context';
import { runZipName, saveBytes, ZIP_TYPE } from '../../lib/download';
import { EXPORT_KINDS } from './export-files';
import { useDownload } from '../../lib/use-download';

export function EverythingZip() {
  const { summary } = useRun();
  const dl = useDownload();
  const params = summary?.params;
  const download = () =>
    params &&
    dl.start('all', async () => saveBytes(await getPipeline().zip([...EXPORT_KINDS]), runZipName(params, 'all_exports'), ZIP_TYPE));
  return (
    <div className="everything-zip">
      <button
        type="button"
        onClick={download}
        disabled={!params || dl.busy !== null}
        title="The run tree, the data-product review and export/kafka, export/sql and export/parquet: what the command line writes with --export all"
      >
        {dl.busy ? 'Zipping…' : 'Download the run with all exports (.zip)'}
      </button>
      {dl.error && (
        <p className="field-error" role="alert">
          Zip failed: {dl.error}
        </p>
      )}
    </div>
  );
}

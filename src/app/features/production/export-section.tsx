// One production export: what it is, how to use it at work, its files beside the preview of the
// one picked, and the whole export (with the run tree it is made from) as one zip.
import type { ExportEntry } from '../../../worker/api';
import { getPipeline } from '../../../worker/client';
import { useRun } from '../../shell/run-context';
import { runZipName, saveBytes, ZIP_TYPE } from '../../lib/download';
import { ErrorState } from '../../components/states';
import type { ExportKind } from './export-files';
import { GUIDES } from './export-guides';
import { FileList } from './file-list';
import { FilePreview } from './file-preview';
import { useDownload } from '../../lib/use-download';

export const sectionHeadingId = (kind: ExportKind) => `export-${kind}-h`;
export const filesId = (kind: ExportKind) => `export-${kind}-files`;

export function ExportSection({ kind, files, selected }: { kind: ExportKind; files: readonly ExportEntry[]; selected: string | undefined }) {
  const { summary } = useRun();
  const dl = useDownload();
  const guide = GUIDES[kind];
  const picked = files.find((f) => f.path === selected);
  const params = summary?.params;
  const headingId = sectionHeadingId(kind);

  function downloadZip() {
    if (!params) return;
    return dl.start(kind, async () => saveBytes(await getPipeline().zip([kind]), runZipName(params, kind), ZIP_TYPE));
  }

  return (
    <section className={`export-section export-${kind}`} aria-labelledby={headingId}>
      <div className="export-head">
        <h3 id={headingId} tabIndex={-1}>
          {guide.title} <span className="note">export/{kind}/ · {files.length} files</span>
        </h3>
        <button
          type="button"
          onClick={downloadZip}
          disabled={!params || dl.busy !== null}
          title={`The whole run tree (every CSV file and run_manifest.json), the data-product review and export/${kind}/, as one zip`}
        >
          {dl.busy === kind ? 'Zipping…' : `Download ${guide.short} export (.zip)`}
        </button>
      </div>
      {dl.error && <ErrorState title="Zip failed" message={dl.error} />}
      <div className="export-guide">
        {guide.what}
        {params && guide.use(params)}
      </div>
      <div id={filesId(kind)} className={picked ? 'export-files with-preview' : 'export-files'}>
        <FileList files={files} countLabel={guide.countLabel} caption={`Files of the ${guide.title} export`} selected={selected} />
        {picked ? (
          <FilePreview entry={picked} />
        ) : (
          <p className="preview-hint">Pick a file to read its start here: {kind === 'parquet' ? 'a Parquet file shows its schema' : kind === 'kafka' ? 'a topic shows its first 40 records' : 'a model shows its SQL and its notes for Spark and Flink'}.</p>
        )}
      </div>
    </section>
  );
}

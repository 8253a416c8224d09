// The files of one export as a table: name (a link that previews it, kept in the URL), count when
// known, format, and a download button. Sub-folders are row groups, in build order.
import type { MouseEvent } from 'react';
import type { ExportEntry } from '../../../worker/api';
import { getPipeline } from '../../../worker/client';
import { useNav } from '../../shell/nav-context';
import { fileName, formatCount } from '../../lib/format';
import { saveBytes } from '../../lib/download';
import { ErrorState } from '../../components/states';
import { groupByFolder, MEDIA_TYPES, nameInKind } from './export-files';
import { useDownload } from '../../lib/use-download';

export interface FileListProps {
  files: readonly ExportEntry[];
  /** Column title of `rows`, or null when the files have none. */
  countLabel: string | null;
  caption: string;
  selected: string | undefined;
}

export function FileList({ files, countLabel, caption, selected }: FileListProps) {
  const nav = useNav();
  const dl = useDownload();
  const groups = groupByFolder(files);
  const columns = countLabel ? 4 : 3;

  function preview(e: MouseEvent<HTMLAnchorElement>, path: string) {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    nav.setScreen({ file: path });
  }

  function download(entry: ExportEntry) {
    return dl.start(entry.path, async () => saveBytes(await getPipeline().exportFile(entry.path), fileName(entry.path), MEDIA_TYPES[entry.format]));
  }

  return (
    <div className="file-list">
      {dl.error && <ErrorState title="Download failed" message={dl.error} />}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              {countLabel && (
                <th scope="col" className="num">
                  {countLabel}
                </th>
              )}
              <th scope="col">Format</th>
              <th scope="col">
                <span className="visually-hidden">Download</span>
              </th>
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.folder}>
              {groups.length > 1 && (
                <tr className="folder-row">
                  <th scope="colgroup" colSpan={columns}>
                    {g.folder ? `${g.folder}/` : 'top level'}
                  </th>
                </tr>
              )}
              {g.files.map((f) => {
                const on = f.path === selected;
                return (
                  <tr key={f.path} className={on ? 'selected' : undefined}>
                    <td className="file-name">
                      <a href={nav.href({ view: 'production', file: f.path })} onClick={(e) => preview(e, f.path)} aria-current={on ? 'true' : undefined} title={`Preview ${f.path}`}>
                        {g.folder ? nameInKind(f).slice(g.folder.length + 1) : nameInKind(f)}
                      </a>
                    </td>
                    {countLabel && <td className="num">{f.rows === undefined ? '' : formatCount(f.rows)}</td>}
                    <td className="muted">{f.format}</td>
                    <td className="file-action">
                      <button type="button" className="small" onClick={() => download(f)} disabled={dl.busy !== null} aria-label={`Download ${f.path}`}>
                        {dl.busy === f.path ? 'Preparing…' : 'Download'}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}

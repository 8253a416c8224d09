// Production: the run as it would leave the lab. The data-product review first, then the three
// production exports (Kafka topics, SQL project, Parquet), each explained, listed, previewable and
// downloadable. The previewed file is in the URL, so a link opens the same preview.
import { useEffect, useRef, type MouseEvent } from 'react';
import type { ExportEntry } from '../../../worker/api';
import { useNav } from '../../shell/nav-context';
import { useWorkerQuery } from '../../lib/use-worker-query';
import { ErrorState, Loading } from '../../components/states';
import { EXPORT_KINDS } from './export-files';
import { GUIDES } from './export-guides';
import { ExportSection, filesId, sectionHeadingId } from './export-section';
import { ReviewSection } from './review-section';
import { EverythingZip } from './everything-zip';

export function ProductionView() {
  const { screen } = useNav();
  const review = useWorkerQuery<string>('review-markdown', (api) => api.reviewMarkdown());
  const list = useWorkerQuery<readonly ExportEntry[]>('exports', (api) => api.exports());
  const file = screen.file;
  const unknown = file !== undefined && list.data !== undefined && !list.data.some((e) => e.path === file);
  useScrollToLinkedFile(file, list.data, review.data !== undefined || review.error !== undefined);

  return (
    <div className="view production">
      <div className="view-head">
        <h2>Production</h2>
        <p className="lede">
          This run as it would leave the lab: the data-product review a team would sign off, and the three exports the command line writes with{' '}
          <code>--export all</code>. Each holds the same bytes as the CLI&apos;s files for these parameters.
        </p>
      </div>
      <div className="production-bar">
        <nav className="page-toc" aria-label="On this page">
          <ul>
            <li>
              <JumpLink to="review">Data-product review</JumpLink>
            </li>
            {EXPORT_KINDS.map((k) => (
              <li key={k}>
                <JumpLink to={sectionHeadingId(k)}>{GUIDES[k].title}</JumpLink>
              </li>
            ))}
          </ul>
        </nav>
        <EverythingZip />
      </div>
      <div id="review" className="jump-target" tabIndex={-1}>
        <ReviewSection review={review} />
      </div>
      {unknown && <ErrorState title="No such file" message={`This run has no export file "${file}"; pick one from the lists below.`} />}
      {list.error && <ErrorState title="Could not list the export files" message={list.error} />}
      {!list.data && !list.error && <Loading label="Listing the export files…" />}
      {list.data && EXPORT_KINDS.map((k) => <ExportSection key={k} kind={k} files={list.data!.filter((e) => e.kind === k)} selected={file} />)}
    </div>
  );
}

/** An in-page link that scrolls, without putting a #fragment into the app's URL. */
function JumpLink({ to, children }: { to: string; children: string }) {
  function jump(e: MouseEvent<HTMLAnchorElement>) {
    e.preventDefault();
    const target = document.getElementById(to);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }
  return (
    <a href={`#${to}`} onClick={jump}>
      {children}
    </a>
  );
}

/**
 * A link naming a file opens at its preview: once, after the review above it has its final height
 * (scrolling earlier would leave the preview below the fold when the review arrives).
 */
function useScrollToLinkedFile(file: string | undefined, list: readonly ExportEntry[] | undefined, reviewSettled: boolean) {
  const initial = useRef(file);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !initial.current || !list || !reviewSettled) return;
    done.current = true;
    const entry = list.find((e) => e.path === initial.current);
    if (entry && entry.kind !== 'review') document.getElementById(filesId(entry.kind))?.scrollIntoView({ block: 'start' });
  }, [list, reviewSettled]);
}

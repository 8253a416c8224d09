// The data-product review of the run (reports/data_product_review.md), read as a page, and the file
// itself to download.
import { REVIEW_PATH } from '../../../export/kinds';
import { Markdown } from '../../lib/markdown';
import { fileName } from '../../lib/format';
import { MD_TYPE, saveBytes } from '../../lib/download';
import { ErrorState, Loading } from '../../components/states';
import type { QueryState } from '../../lib/use-worker-query';
import { useDownload } from '../../lib/use-download';

export const REVIEW_ID = 'review';

export function ReviewSection({ review }: { review: QueryState<string> }) {
  const dl = useDownload();
  const text = review.data;

  function download() {
    // The text on screen is the file: the worker encodes the same string as UTF-8.
    if (text !== undefined) return dl.start('md', async () => saveBytes(new TextEncoder().encode(text), fileName(REVIEW_PATH), MD_TYPE));
  }

  return (
    <section className="review card" aria-label="Data-product review">
      <div className="review-bar">
        <span className="note">
          <code>{REVIEW_PATH}</code>, written with every run and in every zip
        </span>
        <button type="button" onClick={download} disabled={text === undefined || dl.busy !== null}>
          {dl.busy ? 'Preparing…' : 'Download review (.md)'}
        </button>
      </div>
      {dl.error && <ErrorState title="Download failed" message={dl.error} />}
      {review.error && <ErrorState title="Could not make the review" message={review.error} />}
      {text === undefined && !review.error && <Loading label="Writing the review…" />}
      {text !== undefined && <Markdown text={text} headingOffset={2} idPrefix={REVIEW_ID} />}
    </section>
  );
}

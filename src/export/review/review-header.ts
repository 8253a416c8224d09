// The review's header: the run's parameters, all of them, as params.ts defines them.
import type { PipelineRun } from '../../pipeline/run';
import { code } from './markdown';
import { REVIEW_TITLE } from './headings';

export function reviewHeader(run: PipelineRun): string[] {
  const p = run.params;
  return [
    REVIEW_TITLE,
    '',
    'The data product review of TuranMart\'s Customer 360 for one run. Every number below is measured from this run\'s tables; '
      + 'the same parameters give the same text, byte for byte.',
    '',
    '| parameter | value |',
    '|---|---|',
    `| seed | ${p.seed} |`,
    `| customers | ${p.customers} |`,
    `| now (as of) | ${p.now} |`,
    `| injected problems | ${p.issues ? 'on' : 'off'} |`,
    `| linking identifiers | ${p.link.length ? p.link.map(code).join(', ') : 'none (every record is its own person)'} |`,
    `| placeholder threshold | ${p.placeholderThreshold} (an identifier on more records than this links nothing) |`,
    '',
  ];
}

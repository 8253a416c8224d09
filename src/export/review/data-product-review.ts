// The data product review the capstone asks for, generated from one run: header, profile design,
// quality and freshness review, activation under consent, production mapping, one improvement.
// Deterministic: text depends only on the run (no clock, no locale).
import type { PipelineRun } from '../../pipeline/run';
import { reviewHeader } from './review-header';
import { profileDesign } from './profile-design';
import { qualityReview } from './quality-review';
import { activationReview } from './activation-review';
import { productionMapping } from './production-mapping';
import { improvementSection } from './improvement-section';

export function dataProductReview(run: PipelineRun): string {
  return [
    ...reviewHeader(run),
    ...profileDesign(run),
    ...qualityReview(run),
    ...activationReview(run),
    ...productionMapping(run),
    ...improvementSection(run),
  ].join('\n');
}

// The data product review: one markdown file per run, beside the quality report.
export { dataProductReview } from './data-product-review';
export { REVIEW_TITLE, SECTION_HEADINGS } from './headings';
export { IMPROVEMENT_RULES, rankImprovements, TRIGGERS, type ImprovementMeasures } from './improvement-rules';
export { improvementMeasures } from './improvement-section';

export { REVIEW_PATH } from '../kinds';

// The review's title and section headings, in document order: the generator writes them and the
// tests look for them, so both read this one list.
export const REVIEW_TITLE = '# Customer 360 data product review';

export const SECTION_HEADINGS = {
  profile: '## Profile design',
  quality: '## Quality and freshness review',
  activation: '## Activation under current consent',
  production: '## Production mapping',
  improvement: '## Prioritised improvement',
} as const;

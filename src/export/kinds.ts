// What a run can write beside the contract's tree, named once: the CLI's --export, the worker's zip
// and listing, and the app's Production view all read these. No imports, so the app can too without
// pulling the exporters into its bundle.
export const EXPORT_KINDS = ['kafka', 'sql', 'parquet'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The data-product review, written with every run. */
export const REVIEW_PATH = 'reports/data_product_review.md';

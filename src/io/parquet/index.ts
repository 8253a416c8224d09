// Parquet downloads: one typed file per table of the run tree.
export { tableToParquet } from './table-to-parquet';
export { parquetFiles, parquetPath, PARQUET_ROOT } from './parquet-files';
export { isLandingColumn, parquetElement } from './parquet-schema';

// Downloads: bytes made in the worker become a Blob object URL clicked through a temporary link.
export function saveBytes(bytes: Uint8Array | string, name: string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const CSV_TYPE = 'text/csv;charset=utf-8';
export const MD_TYPE = 'text/markdown;charset=utf-8';
export const ZIP_TYPE = 'application/zip';
export const JSON_TYPE = 'application/json';
export const PARQUET_TYPE = 'application/vnd.apache.parquet';
export const JSONL_TYPE = 'application/x-ndjson';
/** SQL and YAML files: plain text, so a browser shows rather than runs or refuses them. */
export const TEXT_TYPE = 'text/plain;charset=utf-8';

/** `customer360_run_seed21_5000.zip`, with `_<what>` before the extension for a zip of exports. */
export function runZipName(params: { seed: number; customers: number }, what?: string): string {
  return `customer360_run_seed${params.seed}_${params.customers}${what ? `_${what}` : ''}.zip`;
}

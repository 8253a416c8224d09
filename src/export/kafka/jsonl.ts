// JSON lines as bytes, encoded a chunk at a time so a large topic never becomes one giant string.
import { concatBytes } from '../../io/csv-writer';

const CHUNK_LINES = 4096;

/** `produce` calls `emit` once per line (without its `\n`); every line ends with `\n`. */
export function jsonlBytes(produce: (emit: (line: string) => void) => void): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let chunk = '';
  let lines = 0;
  produce((line) => {
    chunk += line + '\n';
    if (++lines === CHUNK_LINES) {
      parts.push(encoder.encode(chunk));
      chunk = '';
      lines = 0;
    }
  });
  if (chunk !== '') parts.push(encoder.encode(chunk));
  return concatBytes(parts);
}

/** The lines of a JSON-lines text (a trailing newline ends the last line; it does not start another). */
export function jsonlLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

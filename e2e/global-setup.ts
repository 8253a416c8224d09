// One scratch folder for the whole end-to-end run (the command-line runs the specs compare with),
// removed when the run ends, so a test run leaves nothing behind in the temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SCRATCH_ENV = 'C360_E2E_SCRATCH';

export default function globalSetup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'c360-e2e-'));
  process.env[SCRATCH_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

// Which Chromium the end-to-end tests and the browser benches launch, so that `npm test` needs
// nothing installed by hand. In order: Playwright's own build (a laptop after `npx playwright
// install`), the system's (Debian's `chromium` package), else the build that the
// `@sparticuz/chromium` dev dependency ships inside its npm package (unpacked into the temp dir on
// first use, about 2 s, then reused).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface ResolvedChromium {
  readonly executablePath: string;
  readonly source: 'playwright' | 'system' | 'npm package @sparticuz/chromium';
}

/** Flags for a headless run as root on a machine with no network but the package registries. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function playwrightsOwn(): string | null {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export async function resolveChromium(): Promise<ResolvedChromium> {
  const own = playwrightsOwn();
  if (own) return { executablePath: own, source: 'playwright' };
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: 'system' };
  const packaged = (await import('@sparticuz/chromium')).default;
  return { executablePath: await packaged.executablePath(), source: 'npm package @sparticuz/chromium' };
}

/** Launch options for `chromium.launch` or Playwright's `use.launchOptions`. */
export async function chromiumLaunchOptions(): Promise<{ executablePath: string; args: string[] }> {
  const { executablePath } = await resolveChromium();
  return { executablePath, args: CHROMIUM_ARGS };
}

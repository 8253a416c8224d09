// The built site works from any sub-path of any static file server (relative asset and worker URLs).
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { waitForRun } from './helpers';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const PREFIX = '/courses/ch21/lab/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

let server: Server;
let port = 0;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(PREFIX)) {
      res.writeHead(404).end('not here');
      return;
    }
    let file = normalize(join(DIST, decodeURIComponent(url.pathname.slice(PREFIX.length))));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('missing');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});

test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

test('the static build runs from a sub-path', async ({ page }) => {
  test.skip(!existsSync(join(DIST, 'index.html')), 'needs `npm run build` first');
  await page.goto(`http://127.0.0.1:${port}${PREFIX}?seed=9&customers=1000&view=quality`);
  await waitForRun(page, { seed: 9, customers: 1000 });
  await expect(page.locator('.data-table .badge').first()).toBeVisible();
});

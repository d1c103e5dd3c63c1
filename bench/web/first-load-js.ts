// First-load JavaScript as a browser sees it: every script response a fresh Chromium profile
// requests while loading the page, until the network has been idle for 500 ms.
import { promisify } from 'node:util';
import { gzip, constants } from 'node:zlib';
import type { Browser, BrowserContext, Response } from '@playwright/test';

const gzipAsync = promisify(gzip);

export interface ScriptLoad {
  url: string;
  rawBytes: number;
  gzipBytes: number;
  /** 'server': the gzip body as served; 'level-9': served uncompressed, gzipped here. */
  gzipSource: 'server' | 'level-9';
  /** The body gzipped here at level 9 whatever the server did, to compare builds served differently. */
  level9Bytes: number;
}

export interface FirstLoad {
  path: string;
  scripts: ScriptLoad[];
  rawBytes: number;
  gzipBytes: number;
  level9Bytes: number;
}

function isScript(response: Response): boolean {
  const type = response.headers()['content-type'] ?? '';
  return response.request().resourceType() === 'script' || /javascript|ecmascript/.test(type);
}

async function measureScript(response: Response): Promise<ScriptLoad | undefined> {
  if (response.status() !== 200) return undefined; // redirects and errors carry no script
  const body = await response.body(); // decoded
  const level9Bytes = (await gzipAsync(body, { level: constants.Z_BEST_COMPRESSION })).length;
  const measured = { url: response.url(), rawBytes: body.length, level9Bytes };
  const encoding = (response.headers()['content-encoding'] ?? '').toLowerCase();
  if (encoding === 'gzip') {
    // What crossed the wire: the encoded body size Chromium recorded.
    const { responseBodySize } = await response.request().sizes();
    if (responseBodySize > 0) return { ...measured, gzipBytes: responseBodySize, gzipSource: 'server' };
  }
  return { ...measured, gzipBytes: level9Bytes, gzipSource: 'level-9' };
}

export async function measureFirstLoad(
  browser: Browser,
  origin: string,
  pagePath: string,
  cookies: Parameters<BrowserContext['addCookies']>[0] = [],
): Promise<FirstLoad> {
  // A new context is a new profile: empty cache, no cookies but the ones given (a session),
  // nothing shared with the other page.
  const context = await browser.newContext();
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    const pending: Promise<ScriptLoad | undefined>[] = [];
    page.on('response', (response) => {
      if (isScript(response)) pending.push(measureScript(response));
    });
    const response = await page.goto(origin + pagePath, { waitUntil: 'networkidle', timeout: 60_000 });
    if (!response?.ok()) throw new Error(`GET ${pagePath} answered ${response?.status() ?? 'nothing'}`);
    const loaded = (await Promise.all(pending)).filter((s): s is ScriptLoad => s !== undefined);
    const byUrl = new Map(loaded.map((s) => [s.url, s]));
    const scripts = [...byUrl.values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
    const total = (field: 'rawBytes' | 'gzipBytes' | 'level9Bytes') => scripts.reduce((sum, s) => sum + s[field], 0);
    return { path: pagePath, scripts, rawBytes: total('rawBytes'), gzipBytes: total('gzipBytes'), level9Bytes: total('level9Bytes') };
  } finally {
    await context.close();
  }
}

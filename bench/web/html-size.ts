// The HTML document of a page as one request gets it: no cookies unless given, gzip accepted.
// Plain node:http rather than fetch, which would decode the body before its size on the wire
// could be read.
import http from 'node:http';
import { gunzipSync, gzipSync, constants } from 'node:zlib';

export interface HtmlSize {
  path: string;
  /** The document as the browser parses it (decoded). */
  rawBytes: number;
  gzipBytes: number;
  /** 'server': the gzip body as served; 'level-9': served plain, gzipped here at level 9. */
  gzipSource: 'server' | 'level-9';
}

export function measureHtml(origin: string, pagePath: string, cookie?: string): Promise<HtmlSize> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { accept: 'text/html', 'accept-encoding': 'gzip' };
    if (cookie) headers.cookie = cookie;
    const request = http.get(new URL(pagePath, origin), { headers, timeout: 60_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (response.statusCode !== 200) {
          reject(new Error(`GET ${pagePath} answered ${response.statusCode}${response.headers.location ? ` → ${response.headers.location}` : ''}`));
          return;
        }
        const body = Buffer.concat(chunks);
        if ((response.headers['content-encoding'] ?? '').toLowerCase() === 'gzip') {
          resolve({ path: pagePath, rawBytes: gunzipSync(body).length, gzipBytes: body.length, gzipSource: 'server' });
        } else {
          const gzipBytes = gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length;
          resolve({ path: pagePath, rawBytes: body.length, gzipBytes, gzipSource: 'level-9' });
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${pagePath} took over 60 s`)));
    request.on('error', reject);
  });
}

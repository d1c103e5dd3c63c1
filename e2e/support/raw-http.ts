import http from 'node:http';

// One HTTP request from a chosen loopback address, for tests about what the app's server makes of
// where a request came from (scripts/serve.mjs): from E2E_TRUSTED_PROXY it plays the proxy in
// front of the app, whose X-Forwarded-* headers count; from 127.0.0.1 it plays a client, whose
// X-Forwarded-* headers the server throws away. Playwright's own request API cannot choose the
// address it connects from.

export interface RawResponse {
  status: number;
  /** Header name (lower case) → every value it came with, in order: a repeated header shows. */
  headers: Map<string, string[]>;
  body: string;
}

export function requestFrom(
  url: string,
  { from, method = 'GET', headers = {}, body }: { from: string; method?: string; headers?: Record<string, string>; body?: Buffer | string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, localAddress: from, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const all = new Map<string, string[]>();
        for (let i = 0; i < response.rawHeaders.length; i += 2) {
          const name = response.rawHeaders[i]!.toLowerCase();
          all.set(name, [...(all.get(name) ?? []), response.rawHeaders[i + 1]!]);
        }
        resolve({ status: response.statusCode ?? 0, headers: all, body: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAutoconfigServer, type AutoconfigPeer } from '@/tools/peers/autoconfig';
import { startDnsServer, type DnsPeer } from '@/tools/peers/dns';
import { ensureTestPki, type TestPki } from '@/tools/peers/pki';
import { fetchGuarded, type GuardedFetchOptions } from './guarded-fetch';

// HTTPS fetches behind the address guard, against a loopback DNS server and an HTTPS server
// under the test CA: never the internet. The test servers' names are let through the guard the
// way the seam does it (the allow-list); everything else is vetted as in production.

let pki: TestPki;
let dns: DnsPeer;
let peer: AutoconfigPeer;

const OK_BODY = '<clientConfig version="1.1"/>';

beforeAll(async () => {
  pki = ensureTestPki();
  // uncovered.test resolves to the server too, but its certificate does not name it.
  peer = await startAutoconfigServer({}, { names: ['ok.test', 'hop.test', 'big.test', 'slow.test', 'private.test', 'public-name.test'] });
  dns = await startDnsServer({
    'ok.test': { a: ['127.0.0.1'] },
    'hop.test': { a: ['127.0.0.1'] },
    'big.test': { a: ['127.0.0.1'] },
    'slow.test': { a: ['127.0.0.1'] },
    'uncovered.test': { a: ['127.0.0.1'] },
    'private.test': { a: ['10.1.2.3'] },
    // Not allow-listed: loopback refused as in production.
    'public-name.test': { a: ['127.0.0.1'] },
  });
  // Redirect targets carry the peer's port, the only one a fetch may dial.
  peer.setRoutes({
    'ok.test/file': { body: OK_BODY },
    'uncovered.test/file': { body: OK_BODY },
    'hop.test/one': { redirect: '/two' },
    'hop.test/two': { redirect: `https://ok.test:${peer.port}/file` },
    'hop.test/three': { redirect: '/one' },
    'hop.test/to-private': { redirect: `https://private.test:${peer.port}/file` },
    'hop.test/to-metadata': { redirect: `https://169.254.169.254:${peer.port}/latest/meta-data/` },
    'hop.test/to-http': { redirect: 'http://ok.test/file' },
    'hop.test/to-other-port': { redirect: 'https://ok.test:1/file' },
    'big.test/declared': { body: 'x'.repeat(100 * 1024 + 1) },
    'big.test/streamed': { streamBytes: 400 * 1024 },
    'big.test/limit': { body: 'x'.repeat(100 * 1024) },
    'slow.test/file': { body: OK_BODY, delayMs: 5_000 },
    'ok.test/missing': { status: 404 },
  });
});

afterAll(async () => {
  await Promise.all([peer?.stop(), dns?.stop()]);
});

const ALLOWED = ['ok.test', 'hop.test', 'big.test', 'slow.test', 'uncovered.test'];
const options = (extra: GuardedFetchOptions = {}): GuardedFetchOptions => ({
  servers: [dns.address],
  allow: ALLOWED,
  port: peer.port,
  ca: pki.ca.cert,
  budgetMs: 2_000,
  ...extra,
});
const url = (hostPath: string, port = peer.port) => `https://${hostPath.replace('/', `:${port}/`)}`;
const asked = (query: string) => dns.queries.filter((q) => q === query).length;

describe('fetchGuarded', () => {
  it('fetches over HTTPS from the vetted address, resolving the name once (the connection is pinned to the answer)', async () => {
    const before = asked('A ok.test');
    const outcome = await fetchGuarded(url('ok.test/file'), options());
    expect(outcome).toMatchObject({ ok: true, body: OK_BODY });
    // One A question for the guard; the socket's own lookup never went to DNS.
    expect(asked('A ok.test') - before).toBe(1);
  });

  it('refuses a name that resolves to loopback unless the seam lets it through, and dials nothing', async () => {
    const before = peer.requests.length;
    expect(await fetchGuarded(url('public-name.test/file'), options())).toMatchObject({ ok: false, code: 'guard', detail: 'loopback 127.0.0.1' });
    expect(await fetchGuarded(url('ok.test/file'), options({ allow: [] }))).toMatchObject({ ok: false, code: 'guard' });
    expect(peer.requests.length).toBe(before);
  });

  it('follows two redirects, each vetted again, and refuses a third', async () => {
    expect(await fetchGuarded(url('hop.test/one'), options())).toMatchObject({ ok: true, body: OK_BODY, url: url('ok.test/file') });
    expect(await fetchGuarded(url('hop.test/three'), options())).toMatchObject({ ok: false, code: 'too_many_redirects' });
    expect(await fetchGuarded(url('hop.test/one'), options({ maxRedirects: 1 }))).toMatchObject({ ok: false, code: 'too_many_redirects' });
  });

  it('refuses a redirect to a private or metadata address before connecting to it', async () => {
    const before = peer.requests.length;
    expect(await fetchGuarded(url('hop.test/to-private'), options())).toMatchObject({ ok: false, code: 'guard', detail: 'private 10.1.2.3' });
    expect(await fetchGuarded(url('hop.test/to-metadata'), options())).toMatchObject({ ok: false, code: 'guard', detail: 'metadata 169.254.169.254' });
    // Only the redirecting requests reached a server.
    expect(peer.requests.slice(before)).toEqual(['hop.test/to-private', 'hop.test/to-metadata']);
  });

  it('refuses plain HTTP, another port, and credentials in the URL', async () => {
    expect(await fetchGuarded(url('hop.test/to-http'), options())).toMatchObject({ ok: false, code: 'not_https', url: 'http://ok.test/file' });
    expect(await fetchGuarded(url('hop.test/to-other-port'), options())).toMatchObject({ ok: false, code: 'wrong_port' });
    expect(await fetchGuarded(`https://user:pw@ok.test:${peer.port}/file`, options())).toMatchObject({ ok: false, code: 'invalid_url' });
    expect(await fetchGuarded('https://ok.test/file', options())).toMatchObject({ ok: false, code: 'wrong_port' });
  });

  it('takes 100 KB and refuses anything larger, declared or streamed', async () => {
    const limit = await fetchGuarded(url('big.test/limit'), options());
    expect(limit.ok && limit.body.length).toBe(100 * 1024);
    expect(await fetchGuarded(url('big.test/declared'), options())).toMatchObject({ ok: false, code: 'too_large' });
    expect(await fetchGuarded(url('big.test/streamed'), options())).toMatchObject({ ok: false, code: 'too_large' });
  });

  it('checks certificates: an authority we do not trust, or a name the certificate does not cover, is refused', async () => {
    expect(await fetchGuarded(url('ok.test/file'), options({ ca: pki.unknownCa.cert }))).toMatchObject({ ok: false, code: 'tls' });
    expect(await fetchGuarded(url('uncovered.test/file'), options())).toMatchObject({ ok: false, code: 'tls', detail: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('gives up on a slow server within its budget', async () => {
    const started = Date.now();
    expect(await fetchGuarded(url('slow.test/file'), options({ budgetMs: 400 }))).toMatchObject({ ok: false, code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('says a missing file is an HTTP status, not a body', async () => {
    expect(await fetchGuarded(url('ok.test/missing'), options())).toMatchObject({ ok: false, code: 'http_status', detail: '404' });
  });
});

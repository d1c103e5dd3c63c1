import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoconfigServer as server, autoconfigXml, startAutoconfigServer, type AutoconfigPeer } from '@/tools/peers/autoconfig';
import { startDnsServer, type DnsPeer, type DnsZone } from '@/tools/peers/dns';
import { ensureTestPki, type TestPki } from '@/tools/peers/pki';
import type { DomainDiscoveryResult } from './contract';
import { DiscoveryCache, discoverMailDomain, type DiscoverDomainOptions } from './discover-domain';
import { guessSourceText } from './messages';
import { guessedLoginName } from './login-name';

// Step 1's discovery from every source (issue 18): SRV records from a DNS server on loopback,
// autoconfig files from an HTTPS server on loopback under the test CA, both reached through the
// same seams as in the browser tests (the loopback names allow-listed, the test port, the test
// CA). Never the internet: every other name is NXDOMAIN, or an address the guard refuses.

const IDN = 'xn--fsqu00a.xn--55qx5d'; // 例子.公司
const SLOW_MS = 5_000;

let pki: TestPki;
let dns: DnsPeer;
let peer: AutoconfigPeer;

const srv = (target: string, port: number, priority = 10, weight = 0) => ({ srv: [{ target, port, priority, weight }] });
const loopback = { a: ['127.0.0.1'] };

/** A config file with one IMAP and one SMTP server. */
const config = (imap: string, smtp: string, username = '%EMAILADDRESS%') =>
  autoconfigXml(
    [
      server('incomingServer', 'imap', imap, 993, 'SSL', ['password-cleartext'], username),
      server('outgoingServer', 'smtp', smtp, 587, 'STARTTLS', ['password-cleartext'], username),
    ].join('\n'),
  );
const FILE = '/mail/config-v1.1.xml';
const WELL_KNOWN = '/.well-known/autoconfig/mail/config-v1.1.xml';

const ZONE: DnsZone = {
  // SRV records, and an autoconfig file naming other servers: SRV comes first.
  '_imaps._tcp.srv.test': srv('mail.srv.test.', 993),
  '_imap._tcp.srv.test': srv('.', 0),
  '_submissions._tcp.srv.test': srv('mail.srv.test', 465),
  '_submission._tcp.srv.test': srv('backup.srv.test', 587, 20),
  'srv.test': { mx: [{ exchange: 'mail.srv.test', priority: 10 }] },
  'autoconfig.srv.test': loopback,
  // Only the domain's own autoconfig file.
  'own-ac.test': { mx: [{ exchange: 'mx.own-ac.test', priority: 10 }] },
  'autoconfig.own-ac.test': loopback,
  // Only the .well-known file (no autoconfig.<domain>).
  'wk.test': loopback,
  // The MX host's domain publishes the file.
  'mx-ac.test': { mx: [{ exchange: 'mx1.hoster.test', priority: 10 }] },
  'autoconfig.hoster.test': loopback,
  // NetEase enterprise by MX, with SRV records too: the MX rule wins, as in the check.
  'qiye-srv.test': { mx: [{ exchange: 'mx.qiye.163.com', priority: 10 }] },
  '_imaps._tcp.qiye-srv.test': srv('mail.qiye-srv.test', 993),
  '_submissions._tcp.qiye-srv.test': srv('mail.qiye-srv.test', 465),
  // SRV records naming a provider's servers, which manual setup refuses.
  '_imaps._tcp.srv-provider.test': srv('imap.qq.com', 993),
  '_submissions._tcp.srv-provider.test': srv('smtp.qq.com', 465),
  // Every service "not offered".
  '_imaps._tcp.not-offered.test': srv('.', 0),
  '_imap._tcp.not-offered.test': srv('.', 0),
  '_submissions._tcp.not-offered.test': srv('.', 0),
  '_submission._tcp.not-offered.test': srv('.', 0),
  // IMAP published, SMTP not: not enough for manual setup.
  '_imaps._tcp.half.test': srv('mail.half.test', 993),
  // Broken and hostile files, and a redirect to a private address.
  'autoconfig.broken-xml.test': loopback,
  'autoconfig.doctype.test': loopback,
  'autoconfig.redirect-private.test': loopback,
  'internal.redirect-private.test': { a: ['10.0.0.5'] },
  // A slow autoconfig server behind SRV records, and behind an MX rule.
  '_imaps._tcp.slow-ac.test': srv('mail.slow-ac.test', 993),
  '_submissions._tcp.slow-ac.test': srv('mail.slow-ac.test', 465),
  'autoconfig.slow-ac.test': loopback,
  'qiye-slow.test': { mx: [{ exchange: 'mx.qiye.163.com', priority: 10 }] },
  'autoconfig.qiye-slow.test': loopback,
  // Slow SRV answers in front of a fast autoconfig file.
  '_imaps._tcp.slow-srv.test': { ...srv('mail.slow-srv.test', 993), delayMs: 400 },
  '_imap._tcp.slow-srv.test': { ...srv('.', 0), delayMs: 400 },
  '_submissions._tcp.slow-srv.test': { ...srv('.', 0), delayMs: 400 },
  '_submission._tcp.slow-srv.test': { ...srv('.', 0), delayMs: 400 },
  'autoconfig.slow-srv.test': loopback,
  // Nothing answers in time.
  'all-slow.test': { mx: [{ exchange: 'mx.all-slow.test', priority: 10 }], delayMs: 3_000 },
  '_imaps._tcp.all-slow.test': { silent: true },
  '_imap._tcp.all-slow.test': { silent: true },
  '_submissions._tcp.all-slow.test': { silent: true },
  '_submission._tcp.all-slow.test': { silent: true },
  'autoconfig.all-slow.test': { ...loopback, delayMs: 3_000 },
  // An internationalised domain (例子.公司) publishing SRV records.
  [`_imaps._tcp.${IDN}`]: srv(`mail.${IDN}`, 993),
  [`_submissions._tcp.${IDN}`]: srv(`mail.${IDN}`, 465),
  // A name the guard refuses (a documentation address): its autoconfig is never fetched.
  'plain.test': { a: ['192.0.2.10'], mx: [{ exchange: 'mail.plain.test', priority: 10 }] },
};

const PEER_NAMES = [
  'autoconfig.srv.test',
  'autoconfig.own-ac.test',
  'wk.test',
  'autoconfig.hoster.test',
  'autoconfig.broken-xml.test',
  'autoconfig.doctype.test',
  'autoconfig.redirect-private.test',
  'internal.redirect-private.test',
  'autoconfig.slow-ac.test',
  'autoconfig.qiye-slow.test',
  'autoconfig.slow-srv.test',
  'autoconfig.all-slow.test',
];

beforeAll(async () => {
  pki = ensureTestPki();
  dns = await startDnsServer(ZONE);
  peer = await startAutoconfigServer({}, { names: PEER_NAMES });
  peer.setRoutes({
    [`autoconfig.srv.test${FILE}`]: { body: config('other.srv.test', 'other.srv.test') },
    [`autoconfig.own-ac.test${FILE}`]: { body: config('imap.%EMAILDOMAIN%', 'smtp.own-ac.test', '%EMAILLOCALPART%') },
    [`wk.test${WELL_KNOWN}`]: { body: config('imap.wk.test', 'smtp.wk.test') },
    [`autoconfig.hoster.test${FILE}`]: { body: config('imap.hoster.test', 'smtp.hoster.test') },
    [`autoconfig.broken-xml.test${FILE}`]: { body: '<clientConfig><emailProvider><incomingServer type="imap"><hostname>imap.broken' },
    [`autoconfig.doctype.test${FILE}`]: {
      body:
        '<?xml version="1.0"?><!DOCTYPE clientConfig [<!ENTITY host SYSTEM "file:///etc/hostname">]>' +
        config('&host;', '&host;').replace(/^<\?xml[^>]*>/, ''),
    },
    [`autoconfig.redirect-private.test${FILE}`]: { redirect: `https://internal.redirect-private.test:${peer.port}${FILE}` },
    [`internal.redirect-private.test${FILE}`]: { body: config('imap.internal.test', 'smtp.internal.test') },
    [`autoconfig.slow-ac.test${FILE}`]: { body: config('imap.slow-ac.test', 'smtp.slow-ac.test'), delayMs: SLOW_MS },
    [`autoconfig.qiye-slow.test${FILE}`]: { body: config('imap.qiye-slow.test', 'smtp.qiye-slow.test'), delayMs: SLOW_MS },
    [`autoconfig.slow-srv.test${FILE}`]: { body: config('imap.slow-srv.test', 'smtp.slow-srv.test') },
  });
});

afterAll(async () => {
  await Promise.all([peer?.stop(), dns?.stop()]);
});

const options = (extra: DiscoverDomainOptions = {}): DiscoverDomainOptions => ({
  servers: [dns.address],
  budgetMs: 1_500,
  cache: null,
  anyPortHosts: [],
  fetch: { allow: PEER_NAMES, port: peer.port, ca: pki.ca.cert, budgetMs: 2_000 },
  ...extra,
});
const discover = (address: string, extra?: DiscoverDomainOptions) => discoverMailDomain(address, options(extra));
const guessOf = (result: DomainDiscoveryResult) => (result.status === 'not_found' ? result.guess : undefined);
const timed = async (address: string, extra?: DiscoverDomainOptions) => {
  const started = performance.now();
  const result = await discover(address, extra);
  return { result, ms: performance.now() - started };
};

describe('discovery from SRV records and autoconfig files', () => {
  it('finds the servers a domain’s SRV records name, in priority order, and says so', async () => {
    const found = await discover('li@srv.test');
    expect(found).toMatchObject({ status: 'not_found', domain: 'srv.test' });
    expect(guessOf(found)).toEqual({
      values: { imapHost: 'mail.srv.test', imapPort: 993, imapTls: 'implicit', smtpHost: 'mail.srv.test', smtpPort: 465, smtpTls: 'implicit' },
      basis: 'published',
      alternatives: { imap: [], smtp: ['backup.srv.test'] },
      source: 'srv',
    });
    expect(guessSourceText(guessOf(found)!, { domain: 'srv.test' })).toEqual({
      zh: expect.stringContaining('「srv.test」的 SRV 记录'),
      en: expect.stringContaining('from the SRV records of “srv.test”'),
    });
  });

  it('finds the domain’s own autoconfig file, fills its placeholders and names its publisher', async () => {
    const found = await discover('Li.Wei@own-ac.test');
    expect(guessOf(found)).toEqual({
      values: { imapHost: 'imap.own-ac.test', imapPort: 993, imapTls: 'implicit', smtpHost: 'smtp.own-ac.test', smtpPort: 587, smtpTls: 'starttls' },
      basis: 'published',
      alternatives: { imap: [], smtp: [] },
      source: 'autoconfig',
      publisher: 'own-ac.test',
      loginTemplate: '%EMAILLOCALPART%',
    });
    // Filled in for the address the form has, as step 1 does.
    expect(guessedLoginName(guessOf(found)!, 'li.wei@own-ac.test')).toBe('li.wei');
    expect(guessSourceText(guessOf(found)!, { domain: 'own-ac.test', publisher: 'own-ac.test' })).toEqual({
      zh: '下面的服务器来自 own-ac.test 发布的自动配置文件（autoconfig）。',
      en: 'The servers below come from the autoconfig file published by own-ac.test.',
    });
  });

  it('reads the .well-known file when there is no autoconfig.<domain>', async () => {
    const found = await discover('li@wk.test');
    expect(guessOf(found)).toMatchObject({ source: 'autoconfig', publisher: 'wk.test', values: { imapHost: 'imap.wk.test', smtpHost: 'smtp.wk.test' } });
    // A file whose login name is the address itself gives no template.
    expect(guessOf(found)).not.toHaveProperty('loginTemplate');
  });

  it('asks the MX host’s domain for its file when the domain has none, and names that publisher', async () => {
    const found = await discover('li@mx-ac.test');
    expect(found).toMatchObject({ status: 'not_found', reason: 'unknown_provider' });
    expect(guessOf(found)).toMatchObject({ source: 'autoconfig', publisher: 'hoster.test', values: { imapHost: 'imap.hoster.test' } });
    // The user's address was sent to nobody.
    expect(peer.requests).toContain(`autoconfig.hoster.test${FILE}`);
  });

  it('lets an MX rule naming a provider win over SRV records, as the check does', async () => {
    expect(await discover('li@qiye-srv.test')).toEqual({ status: 'provider', domain: 'qiye-srv.test', providerId: 'netease-enterprise', confirmed: true });
  });

  it.each([
    ['li@srv-provider.test', 'SRV records naming a provider’s servers'],
    ['li@not-offered.test', 'SRV records saying "not offered" (target ".")'],
    ['li@half.test', 'an IMAP record without a submission record'],
    ['li@broken-xml.test', 'a broken autoconfig file'],
    ['li@doctype.test', 'an autoconfig file with a DOCTYPE and an external entity'],
    ['li@redirect-private.test', 'an autoconfig file that redirects to a private address'],
    ['li@plain.test', 'an autoconfig host on an address the guard refuses'],
  ])('falls back to our guess for %s (%s), and says it is one', async (address) => {
    const found = await discover(address);
    const guess = guessOf(found);
    expect(guess?.source).toBe('guess');
    expect(guessSourceText(guess!, { domain: 'x' })).toEqual({ zh: expect.stringContaining('我们的猜测'), en: expect.stringContaining('our guess') });
    expect(JSON.stringify(found)).not.toMatch(/qq\.com|internal|etc\/hostname|&host;/);
  });

  it('never connects to the private address a redirect names', () => {
    expect(peer.requests).toContain(`autoconfig.redirect-private.test${FILE}`);
    expect(peer.requests).not.toContain(`internal.redirect-private.test${FILE}`);
  });

  it('does not wait for a slow autoconfig server once a source before it has answered', async () => {
    const fast = await timed('li@srv.test');
    const slow = await timed('li@slow-ac.test');
    expect(guessOf(slow.result)).toMatchObject({ source: 'srv', values: { imapHost: 'mail.slow-ac.test' } });
    const provider = await timed('li@qiye-slow.test');
    expect(provider.result).toMatchObject({ status: 'provider', providerId: 'netease-enterprise' });
    // Within the fast sources' time (plus scheduling slack), nowhere near the slow server's 5 s.
    expect(slow.ms).toBeLessThan(fast.ms + 500);
    expect(provider.ms).toBeLessThan(fast.ms + 500);
  });

  it('waits for slow SRV answers, which come first, but fetches the file meanwhile: the wait is the slowest source’s, not the sum', async () => {
    const requestsBefore = peer.requests.length;
    const { result, ms } = await timed('li@slow-srv.test');
    // SRV named an IMAP server but no submission server: the autoconfig file, fetched in parallel, answers.
    expect(guessOf(result)).toMatchObject({ source: 'autoconfig', publisher: 'slow-srv.test' });
    // c-ares gives each try a third of the 1.5 s budget: a 400 ms answer comes on the first.
    expect(ms).toBeGreaterThanOrEqual(380);
    expect(ms).toBeLessThan(400 + 500);
    expect(peer.requests.slice(requestsBefore)).toContain(`autoconfig.slow-srv.test${FILE}`);
  });

  it('gives up on every source at the deadline and answers with the guess', async () => {
    const { result, ms } = await timed('li@all-slow.test', { deadlineMs: 300 });
    expect(result).toMatchObject({ status: 'not_found', reason: 'lookup_failed' });
    expect(guessOf(result)).toMatchObject({ source: 'guess', values: { imapHost: 'imap.all-slow.test' } });
    expect(ms).toBeLessThan(300 + 400);
  });
});

describe('internationalised domains', () => {
  it('asks DNS about 例子.公司 in its ASCII form and finds its SRV records', async () => {
    const found = await discover('li@例子.公司');
    expect(found).toMatchObject({ status: 'not_found', domain: IDN });
    expect(guessOf(found)).toMatchObject({ source: 'srv', values: { imapHost: `mail.${IDN}`, smtpHost: `mail.${IDN}` } });
    for (const question of [`MX ${IDN}`, `SRV _imaps._tcp.${IDN}`, `SRV _submissions._tcp.${IDN}`, `A autoconfig.${IDN}`]) {
      expect(dns.queries).toContain(question);
    }
    // No question ever went out with the Unicode form.
    expect(dns.queries.join('\n')).not.toMatch(/[^\x00-\x7f]/);
  });

  it('converts bücher.example (upper case, full-width too) and guesses ASCII host names', async () => {
    for (const typed of ['li@bücher.example', 'LI@BÜCHER.EXAMPLE', 'li＠bücher．example']) {
      const found = await discover(typed);
      expect(found).toMatchObject({ status: 'not_found', domain: 'xn--bcher-kva.example', reason: 'no_domain' });
      expect(guessOf(found)?.values).toMatchObject({ imapHost: 'imap.xn--bcher-kva.example', smtpHost: 'smtp.xn--bcher-kva.example' });
    }
    expect(dns.queries).toContain('MX xn--bcher-kva.example');
    expect(dns.queries).toContain('SRV _imaps._tcp.xn--bcher-kva.example');
  });

  it('refuses a local part with non-ASCII characters before asking anyone', async () => {
    const before = dns.queries.length;
    expect(await discover('张三@例子.公司')).toEqual({ status: 'invalid' });
    expect(dns.queries.length).toBe(before);
  });
});

describe('the cache', () => {
  const mxQuestions = (domain: string) => dns.queries.filter((q) => q === `MX ${domain}`).length;

  it('answers a domain again from memory, for any address at it, without a lookup or a limit taken', async () => {
    const cache = new DiscoveryCache();
    let taken = 0;
    const takeLookup = async () => {
      taken += 1;
      return { allowed: true as const };
    };
    const before = mxQuestions('own-ac.test');
    const first = await discover('li@own-ac.test', { cache, takeLookup });
    const second = await discover('wang@own-ac.test', { cache, takeLookup });
    expect(mxQuestions('own-ac.test') - before).toBe(1);
    expect(taken).toBe(1);
    // One answer for the domain: the login name is made from its template per address.
    expect(guessOf(second)).toEqual(guessOf(first));
    expect(guessedLoginName(guessOf(first)!, 'li@own-ac.test')).toBe('li');
    expect(guessedLoginName(guessOf(second)!, 'wang@own-ac.test')).toBe('wang');
  });

  it('runs one discovery for callers asking at the same time', async () => {
    const cache = new DiscoveryCache();
    const before = mxQuestions('wk.test');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => discover(`u${i}@wk.test`, { cache })));
    expect(new Set(results.map((r) => guessOf(r)?.source))).toEqual(new Set(['autoconfig']));
    expect(mxQuestions('wk.test') - before).toBe(1);
  });

  it('keeps an answer a few minutes, and one that rests on a failed source only briefly', async () => {
    let now = 0;
    const cache = new DiscoveryCache(1_000, () => now);
    await discover('li@wk.test', { cache });
    await discover('li@all-slow.test', { cache, deadlineMs: 300 });
    now = 29_000;
    expect(cache.get('all-slow.test')).toBeDefined();
    now = 60_000;
    expect(cache.get('wk.test')).toBeDefined();
    expect(cache.get('all-slow.test')).toBeUndefined();
    now = 5 * 60_000 + 1;
    expect(cache.get('wk.test')).toBeUndefined();
  });

  it('holds a bounded number of domains, dropping the oldest', async () => {
    const cache = new DiscoveryCache(2);
    for (const domain of ['wk.test', 'own-ac.test', 'srv.test']) await discover(`li@${domain}`, { cache });
    expect(cache.get('wk.test')).toBeUndefined();
    expect(cache.get('own-ac.test')).toBeDefined();
    expect(cache.get('srv.test')).toBeDefined();
  });
});

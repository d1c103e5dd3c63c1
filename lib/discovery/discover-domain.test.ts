import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsPeer } from '@/tools/peers/dns';
import type { AppDatabase, OpenedDatabase } from '@/lib/db/client';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { parseEnv } from '@/lib/env';
import { takeClientLimits, type RequestClient } from '@/lib/limits/address-limit';
import type { DomainDiscoveryResult } from '@/lib/discovery/contract';
import { DiscoveryCache, discoverMailDomain, mxLookupRuleFrom } from './discover-domain';

// Step 1's MX lookup against a DNS server on loopback; never the internet. Then its limit per
// client address and per user, against real databases.

let dns: DnsPeer;

beforeAll(async () => {
  dns = await startDnsServer({
    'corp-a.test': { mx: [{ exchange: 'mx.qiye.163.com', priority: 10 }] },
    'own-server.test': { mx: [{ exchange: 'mx1.own-server.test', priority: 10 }] },
    // A documentation address: the address guard refuses it, so no autoconfig fetch leaves the machine.
    'no-mx.test': { a: ['192.0.2.14'] },
    'broken.test': { rcode: 'SERVFAIL' },
    'corp-ym.test': { mx: [{ exchange: 'mx.ym.163.com', priority: 10 }] },
    'corp-exmail.test': {
      mx: [
        { exchange: 'mxbiz2.qq.com', priority: 10 },
        { exchange: 'mxbiz1.qq.com', priority: 5 },
      ],
    },
    'corp-aliyun.test': { mx: [{ exchange: 'mxw.mxhichina.com', priority: 5 }, { exchange: 'mxn.mxhichina.com', priority: 10 }] },
  });
});
afterAll(async () => {
  await dns?.stop();
});

const discover = (address: string) => discoverMailDomain(address, { servers: [dns.address], budgetMs: 1_500, cache: null });

describe('discoverMailDomain', () => {
  it('names NetEase enterprise for a company domain whose MX is under qiye.163.com', async () => {
    expect(await discover('Sun@Corp-A.test')).toEqual({ status: 'provider', domain: 'corp-a.test', providerId: 'netease-enterprise', confirmed: true });
  });

  it('answers a listed domain from the registry without asking DNS', async () => {
    expect(await discover('wang@qq.com')).toMatchObject({ status: 'provider', providerId: 'qq' });
  });

  it('tells apart mail servers we do not know, no MX, no such domain and a failed lookup', async () => {
    expect(await discover('li@own-server.test')).toMatchObject({ status: 'not_found', domain: 'own-server.test', reason: 'unknown_provider' });
    expect(await discover('li@no-mx.test')).toMatchObject({ status: 'not_found', domain: 'no-mx.test', reason: 'no_mx' });
    expect(await discover('li@nowhere.test')).toMatchObject({ status: 'not_found', domain: 'nowhere.test', reason: 'no_domain' });
    expect(await discover('li@broken.test')).toMatchObject({ status: 'not_found', domain: 'broken.test', reason: 'lookup_failed' });
  });

  it('brings the manual-setup guess made from the same MX answer', async () => {
    const own = await discover('li@own-server.test');
    expect(own.status === 'not_found' && own.guess).toMatchObject({
      basis: 'mx_host',
      values: { imapHost: 'mx1.own-server.test', imapPort: 993, imapTls: 'implicit', smtpHost: 'mx1.own-server.test', smtpPort: 465, smtpTls: 'implicit' },
    });
    const noMx = await discover('li@no-mx.test');
    expect(noMx.status === 'not_found' && noMx.guess).toMatchObject({ basis: 'domain', values: { imapHost: 'imap.no-mx.test', smtpHost: 'smtp.no-mx.test' } });
    const broken = await discover('li@broken.test');
    expect(broken.status === 'not_found' && broken.guess).toMatchObject({ basis: 'domain', values: { imapHost: 'imap.broken.test' } });
  });

  it('names NetEase enterprise, as a guess, for a domain on NetEase’s older free company mail (MX under ym.163.com)', async () => {
    // Before, the guess from the MX host's base domain proposed imap.163.com: NetEase personal mail's server.
    // Its own servers come first, so the steps show what the check dials.
    expect(await discover('zhao@corp-ym.test')).toEqual({
      status: 'provider',
      domain: 'corp-ym.test',
      providerId: 'netease-enterprise',
      confirmed: false,
      firstImapHost: 'imap.ym.163.com',
    });
  });

  it.each([
    ['zhao@corp-exmail.test', 'imap.exmail.qq.com', 'smtp.exmail.qq.com'],
    ['zhao@corp-aliyun.test', 'imap.qiye.aliyun.com', 'smtp.qiye.aliyun.com'],
  ])('starts manual setup for %s from the servers its company mail service publishes', async (address, imapHost, smtpHost) => {
    // Not imap.qq.com / imap.mxhichina.com, which the MX host's base domain would suggest.
    const found = await discover(address);
    expect(found).toMatchObject({ status: 'not_found', reason: 'unknown_provider' });
    expect(found.status === 'not_found' && found.guess).toMatchObject({
      basis: 'provider',
      values: { imapHost, imapPort: 993, imapTls: 'implicit', smtpHost, smtpPort: 465, smtpTls: 'implicit' },
    });
  });

  it('asks nothing for what is not an address', async () => {
    expect(await discover('not an address')).toEqual({ status: 'invalid' });
  });
});

describe('mxLookupRuleFrom', () => {
  it('defaults to 30 lookups per 10 minutes, and reads the settings', () => {
    expect(mxLookupRuleFrom(parseEnv({}))).toEqual({ prefix: 'mx_lookup', max: 30, windowSeconds: 600 });
    expect(mxLookupRuleFrom(parseEnv({ MX_LOOKUP_MAX_PER_WINDOW: '3', MX_LOOKUP_WINDOW_MINUTES: '2' }))).toMatchObject({ max: 3, windowSeconds: 120 });
  });
});

describe.each(availableBackends())('MX lookups limited per client on %s', (kind) => {
  const BURST = 30;
  const MAX = 4;
  let store: ScratchStore;
  let opened: OpenedDatabase;
  /** A second pool on the same database: another app instance (PostgreSQL only). */
  let second: OpenedDatabase | undefined;
  const instance = (i: number): AppDatabase => (second && i % 2 === 1 ? second.db : opened.db);
  const newIp = () => `203.0.113.${randomBytes(1)[0]}`;

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    if (kind === 'postgres') second = await store.open();
  });
  afterAll(async () => {
    await second?.close();
    await opened.close();
    await store.dispose();
  });

  /** The action's lookup: the limit taken, as discoverMailDomainAction does, on instance `i`. */
  const lookup = (i: number, address: string, client: RequestClient, rule: Parameters<typeof takeClientLimits>[1]) =>
    // No cache: each lookup let through asks DNS itself, so the queries count them.
    discoverMailDomain(address, { servers: [dns.address], budgetMs: 1_500, cache: null, takeLookup: () => takeClientLimits(instance(i), rule, client) });
  const asked = (name: string) => dns.queries.filter((q) => q === `MX ${name}`).length;
  const answered = (results: DomainDiscoveryResult[]) => results.filter((r) => r.status !== 'rate_limited').length;

  it(`answers exactly ${MAX} of ${BURST} lookups from one address at once and asks DNS only for those; another address is unaffected`, async () => {
    const rule = { prefix: `mx_lookup:${randomBytes(4).toString('hex')}`, max: MAX, windowSeconds: 600 };
    const ip = newIp();
    const before = asked('corp-a.test');
    const results = await Promise.all(Array.from({ length: BURST }, (_, i) => lookup(i, `sun${i}@corp-a.test`, { address: ip }, rule)));
    expect(answered(results)).toBe(MAX);
    expect(results.filter((r) => r.status === 'provider')).toHaveLength(MAX);
    const refused = results.find((r) => r.status === 'rate_limited');
    expect(refused).toMatchObject({ status: 'rate_limited', domain: 'corp-a.test' });
    expect(refused?.status === 'rate_limited' && refused.retryAfterSeconds).toBeGreaterThan(590);
    expect(asked('corp-a.test') - before).toBe(MAX);

    expect(await lookup(0, 'sun@corp-a.test', { address: `198.51.100.${randomBytes(1)[0]}` }, rule)).toMatchObject({ status: 'provider' });
    // A listed domain needs no lookup, so it is answered even from the refused address.
    expect(await lookup(1, 'wang@qq.com', { address: ip }, rule)).toMatchObject({ status: 'provider', providerId: 'qq' });
  });

  it(`still answers exactly ${MAX} of ${BURST} at once with the cache on (one per instance), and the cache answers later ones for free`, async () => {
    const rule = { prefix: `mx_lookup:${randomBytes(4).toString('hex')}`, max: MAX, windowSeconds: 600 };
    const caches = [new DiscoveryCache(), new DiscoveryCache()];
    const ip = newIp();
    const cachedLookup = (i: number, address: string) =>
      discoverMailDomain(address, {
        servers: [dns.address],
        budgetMs: 1_500,
        cache: caches[second ? i % 2 : 0],
        takeLookup: () => takeClientLimits(instance(i), rule, { address: ip }),
      });
    const results = await Promise.all(Array.from({ length: BURST }, (_, i) => cachedLookup(i, `sun${i}@own-server.test`)));
    expect(answered(results)).toBe(MAX);
    // The limit is spent, but a domain already answered costs nothing.
    expect(await cachedLookup(0, 'zhou@own-server.test')).toMatchObject({ status: 'not_found', reason: 'unknown_provider' });
    expect(await cachedLookup(0, 'zhou@corp-a.test')).toMatchObject({ status: 'rate_limited' });
  });

  it('limits a signed-in user across many addresses', async () => {
    const rule = { prefix: `mx_lookup:${randomBytes(4).toString('hex')}`, max: MAX, windowSeconds: 600 };
    const userId = `user-${randomBytes(4).toString('hex')}`;
    const results = await Promise.all(
      Array.from({ length: BURST }, (_, i) => lookup(i, `li@own-server.test`, { address: `192.0.2.${i + 1}`, userId }, rule)),
    );
    expect(answered(results)).toBe(MAX);
    expect(await lookup(0, 'li@own-server.test', { address: '192.0.2.30' }, rule)).toMatchObject({ status: 'not_found', reason: 'unknown_provider' });
  });
});

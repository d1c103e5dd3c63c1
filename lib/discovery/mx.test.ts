import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsPeer } from '@/tools/peers/dns';
import { createResourceTracker, describeLeaks, type ResourceTracker } from '@/lib/mail-check/resource-tracker';
import type { DnsResolver } from './dns';
import { MX_MESSAGES } from './messages';
import { discoverByMx, matchMxProvider, MX_PROVIDER_RULES, orderMxHosts } from './mx';
import { getProvider } from '@/lib/providers/registry';

// Discovery through node:dns against a real DNS server on loopback; never the internet.

let dns: DnsPeer;
let tracker: ResourceTracker;

beforeAll(async () => {
  dns = await startDnsServer({
    // A NetEase enterprise customer as providers.md describes it, and as public DNS shows them today.
    'corp-a.test': { mx: [{ exchange: 'mx.qiye.163.com', priority: 10 }] },
    'corp-b.test': {
      mx: [
        { exchange: 'qiye163mx02.mxmail.netease.com', priority: 10 },
        { exchange: 'qiye163mx01.mxmail.netease.com', priority: 5 },
      ],
    },
    // NetEase's personal mail exchangers share the parent name but are not enterprise mail.
    'lookalike.test': { mx: [{ exchange: '163mx00.mxmail.netease.com', priority: 10 }] },
    'own-server.test': {
      mx: [
        { exchange: 'MX2.Own-Server.test.', priority: 20 },
        { exchange: 'mx1.own-server.test', priority: 10 },
        { exchange: 'mx1.own-server.test', priority: 30 },
      ],
    },
    'backup-first.test': {
      mx: [
        { exchange: 'relay.example-isp.test', priority: 5 },
        { exchange: 'mx.qiye.163.com', priority: 10 },
      ],
    },
    'no-mx.test': { a: ['93.184.215.14'] },
    'null-mx.test': { mx: [{ exchange: '', priority: 0 }] },
    'broken.test': { rcode: 'SERVFAIL' },
    'slow.test': { silent: true },
    'corp-ym.test': { mx: [{ exchange: 'mx.ym.163.com', priority: 10 }] },
  });
  tracker = createResourceTracker();
});

afterAll(async () => {
  tracker.disable();
  await dns.stop();
});

async function discover(domain: string, options: Parameters<typeof discoverByMx>[1] = {}) {
  return tracker.track(domain, () => discoverByMx(domain, { servers: [dns.address], ...options }));
}

describe('discoverByMx through a loopback DNS server', () => {
  it('recognises a NetEase enterprise custom domain from MX hosts under qiye.163.com', async () => {
    expect(await discover('corp-a.test')).toEqual({
      code: 'provider',
      providerId: 'netease-enterprise',
      confirmed: true,
      mxHosts: ['mx.qiye.163.com'],
      message: MX_MESSAGES.provider,
    });
  });

  it('recognises the qiye163mx hosts too, but says it is a guess', async () => {
    expect(await discover('corp-b.test')).toEqual({
      code: 'provider',
      providerId: 'netease-enterprise',
      confirmed: false,
      mxHosts: ['qiye163mx01.mxmail.netease.com', 'qiye163mx02.mxmail.netease.com'],
      message: MX_MESSAGES.provider_guess,
    });
  });

  it('says which server set a ym.163.com domain starts with: its own', async () => {
    expect(await discover('corp-ym.test')).toEqual({
      code: 'provider',
      providerId: 'netease-enterprise',
      confirmed: false,
      mxHosts: ['mx.ym.163.com'],
      message: MX_MESSAGES.provider_guess,
      firstImapHost: 'imap.ym.163.com',
    });
  });

  it('does not take NetEase personal mail exchangers for enterprise mail', async () => {
    expect(await discover('lookalike.test')).toMatchObject({ code: 'unknown_provider', mxHosts: ['163mx00.mxmail.netease.com'] });
  });

  it('returns the MX hosts of an unknown provider, most preferred first, normalised, without repeats', async () => {
    expect(await discover('own-server.test')).toEqual({
      code: 'unknown_provider',
      mxHosts: ['mx1.own-server.test', 'mx2.own-server.test'],
      message: MX_MESSAGES.unknown_provider,
    });
  });

  it('still finds the provider behind a more preferred unknown relay', async () => {
    expect(await discover('backup-first.test')).toMatchObject({
      code: 'provider',
      providerId: 'netease-enterprise',
      mxHosts: ['relay.example-isp.test', 'mx.qiye.163.com'],
    });
  });

  it('tells a domain without MX records, a null MX and a domain that does not exist apart', async () => {
    expect(await discover('no-mx.test')).toEqual({ code: 'no_mx', message: MX_MESSAGES.no_mx });
    expect(await discover('null-mx.test')).toEqual({ code: 'no_mx', message: MX_MESSAGES.no_mx });
    expect(await discover('nowhere.test')).toEqual({ code: 'no_domain', message: MX_MESSAGES.no_domain });
  });

  it('reports a name server error as dns_error with its errno for the logs', async () => {
    expect(await discover('broken.test')).toEqual({ code: 'dns_error', errno: 'ESERVFAIL', message: MX_MESSAGES.dns_error });
  });

  it('gives up on a name server that never answers within the budget', async () => {
    const started = performance.now();
    expect(await discover('slow.test', { budgetMs: 400 })).toEqual({ code: 'timeout', message: MX_MESSAGES.timeout });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(900);
  });

  it('keeps the default budget of about 3 seconds', async () => {
    const started = performance.now();
    expect(await discover('slow.test')).toMatchObject({ code: 'timeout' });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(2_900);
    expect(elapsed).toBeLessThan(3_600);
  });

  it('stops when the caller aborts, and does not start when already aborted', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const pending = discover('slow.test', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toEqual({ code: 'aborted', message: MX_MESSAGES.aborted });
    expect(performance.now() - started).toBeLessThan(500);
    // The question is withdrawn at once, not left to run out the resolver's own 3 s.
    const leaks = await tracker.leftOpen(200);
    expect(leaks, describeLeaks(leaks)).toEqual([]);
    const before = dns.queries.length;
    expect(await discover('corp-a.test', { signal: AbortSignal.abort() })).toMatchObject({ code: 'aborted' });
    expect(dns.queries.length).toBe(before);
  });

  it('reports a name server nobody listens on as an error or a timeout, within the budget', async () => {
    const gone = await startDnsServer({});
    await gone.stop();
    const started = performance.now();
    const result = await tracker.track('gone', () => discoverByMx('corp-a.test', { servers: [gone.address], budgetMs: 500 }));
    expect(['dns_error', 'timeout']).toContain(result.code);
    expect(performance.now() - started).toBeLessThan(900);
  });

  it('leaves no timer or DNS query behind in any of these outcomes', async () => {
    expect(tracker.created()).toMatchObject({ QUERYWRAP: expect.any(Number), Timeout: expect.any(Number) });
    const leaks = await tracker.leftOpen(1_000);
    expect(leaks, describeLeaks(leaks)).toEqual([]);
  });
});

describe('discoverByMx with an injected resolver', () => {
  it('asks the resolver it is given, and leaves it to its owner', async () => {
    let cancelled = false;
    const resolver: DnsResolver = {
      resolveMx: async (name) => (name === 'corp-a.test' ? [{ exchange: 'hwhzmx.qiye.163.com.', priority: 1 }] : []),
      resolve4: async () => [],
      resolve6: async () => [],
      cancel: () => {
        cancelled = true;
      },
    };
    expect(await discoverByMx('corp-a.test', { resolver })).toMatchObject({ code: 'provider', mxHosts: ['hwhzmx.qiye.163.com'] });
    const never: DnsResolver = { ...resolver, resolveMx: () => new Promise(() => {}) };
    expect(await discoverByMx('corp-a.test', { resolver: never, budgetMs: 50 })).toMatchObject({ code: 'timeout' });
    expect(cancelled).toBe(false);
  });

  it('turns a resolver that throws into dns_error', async () => {
    const resolver: DnsResolver = {
      resolveMx: () => {
        throw Object.assign(new Error('bad name'), { code: 'EBADNAME' });
      },
      resolve4: async () => [],
      resolve6: async () => [],
    };
    expect(await discoverByMx('-.test', { resolver })).toMatchObject({ code: 'dns_error', errno: 'EBADNAME' });
  });
});

describe('MX rules', () => {
  it('orders by preference and drops the root of a null MX', () => {
    expect(orderMxHosts([{ exchange: 'b.test', priority: 10 }, { exchange: 'A.test.', priority: 5 }, { exchange: '', priority: 0 }])).toEqual([
      'a.test',
      'b.test',
    ]);
  });

  it('matches on whole labels, not on text', () => {
    expect(matchMxProvider(['qiye.163.com'])?.providerId).toBe('netease-enterprise');
    expect(matchMxProvider(['evilqiye.163.com'])).toBeUndefined();
    expect(matchMxProvider(['mx.qiye.163.com.attacker.test'])).toBeUndefined();
    expect(matchMxProvider(['qiye163mx01.mxmail.netease.com.attacker.test'])).toBeUndefined();
  });

  it('takes NetEase’s older free company mail (ym.163.com) for NetEase Enterprise, as a guess, and nothing else of 163.com', () => {
    expect(matchMxProvider(['mx.ym.163.com'])).toMatchObject({ providerId: 'netease-enterprise', confirmed: false, firstImapHost: 'imap.ym.163.com' });
    // The qiye.163.com rules keep the provider's usual first set.
    expect(matchMxProvider(['mx.qiye.163.com'])?.firstImapHost).toBeUndefined();
    expect(matchMxProvider(['evilym.163.com'])).toBeUndefined();
    expect(matchMxProvider(['mx.163.com'])).toBeUndefined();
    // Tencent Exmail and Alibaba Mail are no provider of ours: manual setup, from their servers.
    expect(matchMxProvider(['mxbiz1.qq.com', 'mxw.mxhichina.com'])).toBeUndefined();
  });

  it('names as the set to start with only a set its provider has', () => {
    for (const rule of MX_PROVIDER_RULES) {
      if (rule.firstImapHost === undefined) continue;
      const sets = getProvider(rule.providerId)?.customDomains?.alternatives ?? [];
      expect(sets.map((set) => set.imap.host), rule.suffix).toContain(rule.firstImapHost);
    }
  });

  it('has a message in both languages for every outcome', () => {
    for (const message of Object.values(MX_MESSAGES)) {
      expect(message.zh).toMatch(/\p{Script=Han}/u);
      expect(message.en).toMatch(/^[A-Z]/);
    }
  });
});

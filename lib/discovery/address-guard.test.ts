import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsPeer } from '@/tools/peers/dns';
import { createResourceTracker, describeLeaks, type ResourceTracker } from '@/lib/mail-check/resource-tracker';
import { guardHost, type GuardOptions } from './address-guard';
import { GUARD_MESSAGES } from './messages';

// The SSRF guard against a real DNS server on loopback: names that resolve into our machine or
// network are refused, whatever form the address takes; IP literals are judged without a query.

let dns: DnsPeer;
let tracker: ResourceTracker;

beforeAll(async () => {
  dns = await startDnsServer({
    'imap.public.test': { a: ['93.184.215.14'], aaaa: ['2606:2800:21f:cb07:6820:80da:af6b:8b2c'] },
    'v6only.public.test': { aaaa: ['2606:4700:4700::1111'] },
    'loopback.test': { a: ['127.0.0.1'] },
    'private.test': { a: ['10.0.0.5'] },
    'metadata.test': { a: ['169.254.169.254'] },
    'loopback6.test': { aaaa: ['::1'] },
    'mapped.test': { aaaa: ['::ffff:127.0.0.1'] },
    'mixed.test': { a: ['93.184.215.14', '192.168.1.20'] },
    'mixed-families.test': { a: ['93.184.215.14'], aaaa: ['fd12:3456::1'] },
    'alias-inward.test': { cname: 'loopback.test' },
    'cgnat.test': { a: ['100.64.1.1'] },
    'nat64.test': { aaaa: ['64:ff9b::a00:5'] },
    'sixtofour.test': { aaaa: ['2002:a9fe:a9fe::1'] },
    'nothing.test': {},
    'broken.test': { rcode: 'SERVFAIL' },
    'slow.test': { silent: true },
    'localhost.test': { a: ['127.0.0.1'] },
    'alias-public.test': { cname: 'imap.public.test' },
    'hop1.test': { cname: 'hop2.test' },
    'hop2.test': { cname: 'imap.public.test' },
  });
  tracker = createResourceTracker();
});

afterAll(async () => {
  tracker.disable();
  await dns.stop();
});

function guard(host: string, options: GuardOptions = {}) {
  return tracker.track(host, () => guardHost(host, { servers: [dns.address], ...options }));
}

describe('guardHost: names resolved through a loopback DNS server', () => {
  it('lets a public name through with every vetted address, IPv4 first, and the name for TLS', async () => {
    expect(await guard('IMAP.Public.test.')).toEqual({
      ok: true,
      addresses: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
      ],
      servername: 'imap.public.test',
      allowListed: false,
    });
    expect(await guard('v6only.public.test')).toMatchObject({ ok: true, addresses: [{ address: '2606:4700:4700::1111', family: 6 }] });
  });

  it.each([
    ['loopback.test', 'loopback', '127.0.0.1'],
    ['private.test', 'private', '10.0.0.5'],
    ['metadata.test', 'metadata', '169.254.169.254'],
    ['loopback6.test', 'loopback', '::1'],
    ['mapped.test', 'loopback', '::ffff:7f00:1'],
    ['cgnat.test', 'private', '100.64.1.1'],
    ['nat64.test', 'private', '64:ff9b::a00:5'],
    ['sixtofour.test', 'metadata', '2002:a9fe:a9fe::1'],
    ['alias-inward.test', 'loopback', '127.0.0.1'],
  ])('refuses %s, which resolves inward (%s)', async (host, code, address) => {
    expect(await guard(host)).toEqual({
      ok: false,
      code,
      message: GUARD_MESSAGES[code as keyof typeof GUARD_MESSAGES],
      detail: address,
    });
  });

  it('refuses a name when any one of its answers is private, in either family', async () => {
    expect(await guard('mixed.test')).toMatchObject({ ok: false, code: 'private', detail: '192.168.1.20' });
    expect(await guard('mixed-families.test')).toMatchObject({ ok: false, code: 'private', detail: 'fd12:3456::1' });
  });

  it('refuses localhost and names under it without asking DNS, even one DNS would answer', async () => {
    const before = dns.queries.length;
    expect(await guard('localhost')).toMatchObject({ ok: false, code: 'loopback' });
    expect(await guard('imap.LOCALHOST.')).toMatchObject({ ok: false, code: 'loopback' });
    expect(dns.queries.length).toBe(before);
    // A name that merely starts with "localhost" is an ordinary name.
    expect(await guard('localhost.test')).toMatchObject({ ok: false, code: 'loopback', detail: '127.0.0.1' });
  });

  it('says why a name could not be checked: unknown, no addresses, name server error, timeout', async () => {
    expect(await guard('nowhere.test')).toEqual({ ok: false, code: 'unresolvable', message: GUARD_MESSAGES.unresolvable });
    expect(await guard('nothing.test')).toMatchObject({ ok: false, code: 'unresolvable' });
    expect(await guard('broken.test')).toMatchObject({ ok: false, code: 'dns_error', detail: 'ESERVFAIL' });
    const started = performance.now();
    expect(await guard('slow.test', { budgetMs: 400 })).toEqual({ ok: false, code: 'timeout', message: GUARD_MESSAGES.timeout });
    expect(performance.now() - started).toBeLessThan(900);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    expect(await guard('slow.test', { signal: controller.signal })).toMatchObject({ ok: false, code: 'aborted' });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('leaves no timer or DNS query behind', async () => {
    expect(tracker.created()).toMatchObject({ QUERYWRAP: expect.any(Number), Timeout: expect.any(Number) });
    const leaks = await tracker.leftOpen(1_000);
    expect(leaks, describeLeaks(leaks)).toEqual([]);
  });
});

describe('guardHost: IP literals in every form a user might type', () => {
  it.each([
    // IPv4 loopback spelled the ways inet_aton and URL parsers accept
    ['127.0.0.1', 'loopback'],
    ['2130706433', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['127.1', 'loopback'],
    ['127.0.0.1.', 'loopback'],
    ['１２７.０.０.１', 'loopback'],
    ['127.255.255.254', 'loopback'],
    // IPv6 loopback, bare and bracketed, and IPv4 wrapped in IPv6
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['2002:7f00:1::1', 'loopback'],
    // private networks
    ['10.0.0.5', 'private'],
    ['012.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'private'],
    ['[fd12:3456:789a::1]', 'private'],
    ['::ffff:10.0.0.5', 'private'],
    ['64:ff9b::10.0.0.5', 'private'],
    ['2002:c0a8:101::1', 'private'],
    // link-local, with and without a zone id, and cloud metadata
    ['169.254.1.1', 'link_local'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['[fe80::1%25eth0]', 'link_local'],
    ['169.254.169.254', 'metadata'],
    ['0xa9fea9fe', 'metadata'],
    ['2852039166', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['[FD00:EC2:0::254]', 'metadata'],
    ['100.100.100.200', 'metadata'],
    // this network, unspecified
    ['0.0.0.0', 'unspecified'],
    ['0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['[::]', 'unspecified'],
    // multicast, broadcast, reserved and documentation ranges
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['100::1', 'reserved'],
    ['3fff::1', 'reserved'],
    ['::1.2.3.4', 'reserved'], // IPv4-compatible, deprecated
  ])('refuses %s as %s, without a DNS query', async (host, code) => {
    const before = dns.queries.length;
    expect(await guard(host)).toMatchObject({ ok: false, code });
    expect(dns.queries.length).toBe(before);
  });

  it.each([
    ['93.184.215.14', '93.184.215.14', 4],
    ['1.1.1.1', '1.1.1.1', 4],
    ['[2606:4700:4700::1111]', '2606:4700:4700::1111', 6],
    ['2606:4700:4700:0:0:0:0:1111', '2606:4700:4700::1111', 6],
    ['::ffff:1.1.1.1', '::ffff:101:101', 6],
    ['64:ff9b::1.1.1.1', '64:ff9b::101:101', 6],
  ])('lets the public address %s through as %s, with no name for TLS', async (host, address, family) => {
    expect(await guard(host)).toEqual({ ok: true, addresses: [{ address, family }], allowListed: false });
  });

  it.each(['', '   ', 'imap.example.test:993', '[::1]:993', 'imaps://imap.example.test', 'user@127.0.0.1', '127.0.0.1/32', 'ex ample.test', 'a\u200bb.test', '1.2.3.4.5', '999.0.0.1', '08.0.0.1', '::1::2', '[::1', 'fe80::1%', 'exa*mple.test', 'imap..test', '2606:4700::1%eth0'])(
    'refuses %j as not a host at all',
    async (host) => {
      expect(await guard(host)).toEqual({ ok: false, code: 'invalid_host', message: GUARD_MESSAGES.invalid_host });
    },
  );
});

describe('guardHost: aliases', () => {
  it('names what a name is an alias of, following the CNAME chain in order', async () => {
    expect(await guard('alias-public.test')).toEqual({
      ok: true,
      addresses: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
      ],
      servername: 'alias-public.test',
      allowListed: false,
      aliases: ['imap.public.test'],
    });
    expect(await guard('HOP1.test.')).toMatchObject({ ok: true, servername: 'hop1.test', aliases: ['hop2.test', 'imap.public.test'] });
  });
});

describe('guardHost: the test override is the only way past', () => {
  it('lets allow-listed hosts through, in any spelling of the same host, and nothing else', async () => {
    const allow = ['127.0.0.1', 'LOCALHOST', '::1', 'loopback.test'];
    expect(await guard('127.0.0.1', { allow })).toEqual({ ok: true, addresses: [{ address: '127.0.0.1', family: 4 }], allowListed: true });
    expect(await guard('127.1', { allow })).toMatchObject({ ok: true, allowListed: true });
    expect(await guard('[::1]', { allow })).toMatchObject({ ok: true, addresses: [{ address: '::1', family: 6 }] });
    expect(await guard('localhost', { allow })).toEqual({
      ok: true,
      addresses: [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ],
      servername: 'localhost',
      allowListed: true,
    });
    expect(await guard('loopback.test', { allow })).toMatchObject({ ok: true, addresses: [{ address: '127.0.0.1', family: 4 }] });
    // Other loopback names and addresses stay refused.
    expect(await guard('127.0.0.2', { allow })).toMatchObject({ ok: false, code: 'loopback' });
    expect(await guard('alias-inward.test', { allow })).toMatchObject({ ok: false, code: 'loopback' });
    expect(await guard('10.0.0.5', { allow })).toMatchObject({ ok: false, code: 'private' });
    // Allow-listing does not make an unknown name resolvable.
    expect(await guard('nowhere.test', { allow: ['nowhere.test'] })).toMatchObject({ ok: false, code: 'unresolvable' });
  });
});

describe('refusal messages', () => {
  it('exist in both languages and never name an address', () => {
    for (const message of Object.values(GUARD_MESSAGES)) {
      expect(message.zh).toMatch(/\p{Script=Han}/u);
      expect(message.en).toMatch(/^[A-Z]/);
      expect(`${message.zh} ${message.en}`).not.toMatch(/\d+\.\d+\.\d+|::|169\.254|metadata|元数据/i);
    }
  });
});

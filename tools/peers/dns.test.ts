import dgram from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsPeer } from './dns';

let peer: DnsPeer;
let resolver: Resolver;

beforeAll(async () => {
  peer = await startDnsServer({
    'mail.test': { mx: [{ exchange: 'mx2.mail.test', priority: 20 }, { exchange: 'mx1.mail.test', priority: 10 }] },
    'mx1.mail.test': { a: ['192.0.2.1'], aaaa: ['2001:db8::1'] },
    'alias.test': { cname: 'mx1.mail.test' },
    'mapped.test': { aaaa: ['::ffff:127.0.0.1'] },
    'empty.test': {},
    'broken.test': { rcode: 'SERVFAIL' },
    'closed.test': { rcode: 'REFUSED' },
    'silent.test': { silent: true },
  });
  resolver = new Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([peer.address]);
});

afterAll(async () => {
  await peer.stop();
});

const errno = (promise: Promise<unknown>) => promise.then(() => 'answered', (err: { code?: string }) => err.code);

describe('loopback DNS server', () => {
  it('listens on 127.0.0.1 on a port of its own', () => {
    expect(peer.host).toBe('127.0.0.1');
    expect(peer.port).toBeGreaterThan(0);
    expect(peer.address).toBe(`127.0.0.1:${peer.port}`);
  });

  it('answers MX, A and AAAA questions from node:dns as a name server would', async () => {
    expect(await resolver.resolveMx('mail.test')).toEqual(
      expect.arrayContaining([
        { exchange: 'mx1.mail.test', priority: 10 },
        { exchange: 'mx2.mail.test', priority: 20 },
      ]),
    );
    expect(await resolver.resolve4('MX1.mail.test')).toEqual(['192.0.2.1']);
    expect(await resolver.resolve6('mx1.mail.test')).toEqual(['2001:db8::1']);
    expect(peer.queries).toEqual(expect.arrayContaining(['MX mail.test', 'A mx1.mail.test', 'AAAA mx1.mail.test']));
  });

  it('serves an IPv6 address written with an IPv4 tail', async () => {
    expect(await resolver.resolve6('mapped.test')).toEqual(['::ffff:127.0.0.1']);
  });

  it('follows an alias to its target in the same answer', async () => {
    expect(await resolver.resolve4('alias.test')).toEqual(['192.0.2.1']);
  });

  it('tells a name without such records (ENODATA) from a name that does not exist (ENOTFOUND)', async () => {
    expect(await errno(resolver.resolveMx('empty.test'))).toBe('ENODATA');
    expect(await errno(resolver.resolve4('mx2.mail.test'))).toBe('ENOTFOUND');
  });

  it('answers with the errors it is told to, and drops the questions of a silent name', async () => {
    expect(await errno(resolver.resolveMx('broken.test'))).toBe('ESERVFAIL');
    expect(await errno(resolver.resolveMx('closed.test'))).toBe('EREFUSED');
    const started = performance.now();
    expect(await errno(resolver.resolveMx('silent.test'))).toBe('ETIMEOUT');
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('frees its port when stopped', async () => {
    const other = await startDnsServer({});
    await other.stop();
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(other.port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => socket.close(() => resolve()));
  });
});

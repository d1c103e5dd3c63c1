// The server's decision of who the client is (lib/net/client-address.mjs), as a table: what a
// request from each peer, with each set of headers, is taken to come from.
import { describe, expect, it } from 'vitest';
import { clientAddressOf, normaliseAddress, parseTrustedProxies, protocolOf, settleForwardingHeaders } from './client-address.mjs';
import { addressLimitKey, clientAddressFrom } from './client';

const none = parseTrustedProxies('');
const proxies = parseTrustedProxies('10.0.0.5, 192.168.1.0/24 fd00::/8');

describe('TRUSTED_PROXIES', () => {
  it('takes addresses and CIDR blocks, separated by commas or spaces', () => {
    expect(proxies.entries).toEqual(['10.0.0.5', '192.168.1.0/24', 'fd00::/8']);
    expect(parseTrustedProxies(undefined).entries).toEqual([]);
  });

  it.each(['proxy.example', '10.0.0.0/33', '10.0.0.0/8/1', 'fd00::/129', '10.0.0.0/x', '300.1.1.1'])('refuses %s with a message naming it', (entry) => {
    expect(() => parseTrustedProxies(`10.0.0.1, ${entry}`)).toThrow(entry);
  });
});

describe('the client address', () => {
  it('is the peer when no proxy is trusted, whatever the headers say', () => {
    const headers = { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.10' };
    expect(clientAddressOf('127.0.0.1', headers, none)).toBe('127.0.0.1');
    expect(clientAddressOf('198.51.100.7', headers, proxies)).toBe('198.51.100.7');
  });

  it('is an IPv4 peer on a dual-stack socket written as IPv4', () => {
    expect(clientAddressOf('::ffff:198.51.100.7', {}, none)).toBe('198.51.100.7');
    expect(normaliseAddress('2001:DB8::1')).toBe('2001:db8::1');
  });

  it('from a trusted proxy, is the right-most hop that is not itself trusted', () => {
    // A client that forged the first hop; the proxies appended the real one and themselves.
    const headers = { 'x-forwarded-for': '1.2.3.4, 203.0.113.9, 192.168.1.20' };
    expect(clientAddressOf('10.0.0.5', headers, proxies)).toBe('203.0.113.9');
    expect(clientAddressOf('::ffff:10.0.0.5', { 'x-forwarded-for': ['1.2.3.4', '203.0.113.9'] }, proxies)).toBe('203.0.113.9');
  });

  it('from a trusted proxy, stops at a hop that is not an address: whoever wrote it is the client', () => {
    expect(clientAddressOf('10.0.0.5', { 'x-forwarded-for': '203.0.113.9, unknown' }, proxies)).toBe('10.0.0.5');
    expect(clientAddressOf('10.0.0.5', { 'x-forwarded-for': 'garbage, 192.168.1.20' }, proxies)).toBe('192.168.1.20');
  });

  it('from a trusted proxy with only trusted hops, is the left-most of them', () => {
    expect(clientAddressOf('10.0.0.5', { 'x-forwarded-for': '192.168.1.3, 192.168.1.20' }, proxies)).toBe('192.168.1.3');
  });

  it('from a trusted proxy without X-Forwarded-For, is its X-Real-IP, else the proxy', () => {
    expect(clientAddressOf('10.0.0.5', { 'x-real-ip': '203.0.113.9' }, proxies)).toBe('203.0.113.9');
    expect(clientAddressOf('10.0.0.5', { 'x-real-ip': 'nonsense' }, proxies)).toBe('10.0.0.5');
    expect(clientAddressOf('10.0.0.5', {}, proxies)).toBe('10.0.0.5');
  });

  it('reads bracketed and port-suffixed hops as proxies write them', () => {
    expect(clientAddressOf('10.0.0.5', { 'x-forwarded-for': '[2001:db8::7]:4431' }, proxies)).toBe('2001:db8::7');
    expect(clientAddressOf('10.0.0.5', { 'x-forwarded-for': '203.0.113.9:5555' }, proxies)).toBe('203.0.113.9');
  });
});

describe('the protocol', () => {
  it('is https on a TLS socket, or when a trusted proxy says so; never on an untrusted word', () => {
    expect(protocolOf(true, '127.0.0.1', {}, none)).toBe('https');
    expect(protocolOf(false, '127.0.0.1', { 'x-forwarded-proto': 'https' }, none)).toBe('http');
    expect(protocolOf(false, '10.0.0.5', { 'x-forwarded-proto': 'https' }, proxies)).toBe('https');
    expect(protocolOf(false, '10.0.0.5', { 'x-forwarded-proto': 'http' }, proxies)).toBe('http');
  });
});

describe('settling the headers of a request', () => {
  const request = (peer: string, headers: Record<string, string>) => ({
    socket: { remoteAddress: peer, encrypted: false },
    headers: { host: 'app.example', ...headers } as Record<string, string | string[] | undefined>,
    rawHeaders: Object.entries({ Host: 'app.example', ...headers }).flat(),
  });

  it('replaces every forwarding header an untrusted client sent with what the server saw', () => {
    const forged = request('198.51.100.7', {
      'x-forwarded-for': '1.2.3.4',
      'x-real-ip': '1.2.3.4',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'evil.example',
      forwarded: 'for=1.2.3.4',
    });
    expect(settleForwardingHeaders(forged, proxies)).toEqual({ client: '198.51.100.7', protocol: 'http', peerTrusted: false });
    expect(forged.headers).toEqual({ host: 'app.example', 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'http' });
    expect(forged.rawHeaders).toEqual(['Host', 'app.example']);
  });

  it("keeps a trusted proxy's host and protocol", () => {
    const proxied = request('10.0.0.5', { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'mail.example' });
    settleForwardingHeaders(proxied, proxies);
    expect(proxied.headers).toEqual({ host: 'app.example', 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'mail.example' });
  });
});

describe('what the app reads', () => {
  it('is the one address the server set, and nothing that is not an address', () => {
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': '203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': '1.2.3.4, 5.6.7.8' }))).toBe('unknown');
    expect(clientAddressFrom(new Headers())).toBe('unknown');
  });

  it('counts IPv6 clients by their /64', () => {
    expect(addressLimitKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressLimitKey('2001:db8:1:2::9')).toBe(addressLimitKey('2001:db8:1:2:ffff::1'));
    expect(addressLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressLimitKey('203.0.113.9')).toBe('203.0.113.9');
  });
});

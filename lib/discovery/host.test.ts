import { describe, expect, it } from 'vitest';
import { parseHost } from './host';

describe('parseHost', () => {
  it.each([
    ['imap.example.com', 'name', 'imap.example.com', true],
    ['  IMAP.Example.COM.\u3000', 'name', 'imap.example.com', false],
    ['bücher.example', 'name', 'xn--bcher-kva.example', false],
    ['ｉｍａｐ．ｅｘａｍｐｌｅ。ｃｏｍ', 'name', 'imap.example.com', false],
    ['203.0.113.5', 'ipv4', '203.0.113.5', true],
    ['3405803781', 'ipv4', '203.0.113.5', false],
    ['0313.0.0161.5', 'ipv4', '203.0.113.5', false],
    ['0xcb.0x0.0x71.0x5', 'ipv4', '203.0.113.5', false],
    ['203.28933', 'ipv4', '203.0.113.5', false],
    ['2001:DB8::1', 'ipv6', '2001:db8::1', true],
    ['[2001:db8::1]', 'ipv6', '2001:db8::1', true],
    ['2001:db8:0:0:0:0:0:1', 'ipv6', '2001:db8::1', false],
    ['::ffff:192.0.2.1', 'ipv6', '::ffff:c000:201', false],
  ])('reads %j as %s %s', (input, kind, host, canonical) => {
    expect(parseHost(input)).toEqual({ ok: true, kind, host, canonical });
  });

  it('keeps a zone id apart from the address, as typed or as written in a URL', () => {
    expect(parseHost('fe80::1%eth0')).toEqual({ ok: true, kind: 'ipv6', host: 'fe80::1', canonical: true, zone: 'eth0' });
    expect(parseHost('[fe80::1%25en0]')).toMatchObject({ host: 'fe80::1', zone: 'en0' });
  });

  it.each([
    ['', 'empty'],
    [' \u200b ', 'empty'],
    ['imap example.com', 'space'],
    ['imap.\texample.com', 'space'],
    ['imap\u200b.example.com', 'space'],
    ['imap.example.com\n.evil', 'space'],
    ['imap.example.com:993', 'has_port'],
    ['[2001:db8::1]:993', 'has_port'],
    ['imaps://imap.example.com', 'url'],
    ['imap.example.com/', 'url'],
    ['me@imap.example.com', 'url'],
    ['imap%2eexample.com', 'invalid'],
    ['imap_1.example.com', 'invalid'],
    ['-imap.example.com', 'invalid'],
    ['imap..example.com', 'invalid'],
    ['1.2.3.4.5', 'invalid'],
    ['256.0.0.1', 'invalid'],
    ['2001:db8::1::2', 'invalid'],
    ['[imap.example.com]', 'invalid'],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}`, 'too_long'],
    [`${'a'.repeat(64)}.example.com`, 'invalid'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(parseHost(input)).toEqual({ ok: false, problem });
  });
});

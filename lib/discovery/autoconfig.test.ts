import { describe, expect, it } from 'vitest';
import { autoconfigUrls, parseAutoconfig } from './autoconfig';
import { fillLoginTemplate } from './login-name';
import { orderSrvRecords } from './srv';
import { autoconfigXml, autoconfigServer as server } from '@/tools/peers/autoconfig';

// Reading autoconfig files (Thunderbird's config-v1.1.xml) and ordering SRV records: pure
// functions. Fetching both, through the guard, is discover-sources.test.ts's.

describe('parseAutoconfig', () => {
  it('reads IMAP and SMTP servers in the file’s order, with their TLS mode and username template', () => {
    const xml = autoconfigXml(
      [
        server('incomingServer', 'pop3', 'pop.example.test', 995, 'SSL'),
        server('incomingServer', 'imap', 'imap.%EMAILDOMAIN%', 993, 'SSL', ['password-cleartext'], '%EMAILLOCALPART%'),
        server('incomingServer', 'imap', 'imap2.example.test', 143, 'STARTTLS', ['password-encrypted']),
        server('outgoingServer', 'smtp', 'smtp.example.test', 587, 'STARTTLS'),
      ].join('\n'),
    );
    expect(parseAutoconfig(xml, 'corp.test')).toEqual({
      ok: true,
      servers: {
        imap: [
          { host: 'imap.corp.test', port: 993, tls: 'implicit', username: '%EMAILLOCALPART%' },
          { host: 'imap2.example.test', port: 143, tls: 'starttls', username: '%EMAILADDRESS%' },
        ],
        smtp: [{ host: 'smtp.example.test', port: 587, tls: 'starttls', username: '%EMAILADDRESS%' }],
      },
    });
  });

  it('keeps password logins over TLS only: plain sockets, OAuth2, GSSAPI, NTLM and none are dropped', () => {
    const xml = autoconfigXml(
      [
        server('incomingServer', 'imap', 'plain.example.test', 143, 'plain'),
        server('incomingServer', 'imap', 'oauth.example.test', 993, 'SSL', ['OAuth2']),
        server('incomingServer', 'imap', 'kerberos.example.test', 993, 'SSL', ['GSSAPI', 'NTLM']),
        server('incomingServer', 'imap', 'both.example.test', 993, 'SSL', ['OAuth2', 'password-cleartext']),
        server('outgoingServer', 'smtp', 'none.example.test', 465, 'SSL', ['none']),
        server('outgoingServer', 'smtp', 'client-ip.example.test', 465, 'SSL', ['client-IP-address']),
      ].join('\n'),
    );
    expect(parseAutoconfig(xml, 'corp.test')).toEqual({
      ok: true,
      servers: { imap: [{ host: 'both.example.test', port: 993, tls: 'implicit', username: '%EMAILADDRESS%' }], smtp: [] },
    });
    expect(parseAutoconfig(autoconfigXml(server('incomingServer', 'imap', 'oauth.example.test', 993, 'SSL', ['OAuth2'])), 'corp.test')).toEqual({
      ok: false,
      problem: 'no_usable_servers',
    });
  });

  it('refuses a broken file, and one that is not an autoconfig file', () => {
    expect(parseAutoconfig('<clientConfig><emailProvider><incomingServer type="imap">', 'corp.test')).toEqual({ ok: false, problem: 'malformed' });
    expect(parseAutoconfig('not xml at all', 'corp.test')).toEqual({ ok: false, problem: 'malformed' });
    expect(parseAutoconfig('<html><body>Welcome</body></html>', 'corp.test')).toEqual({ ok: false, problem: 'not_autoconfig' });
    expect(parseAutoconfig('', 'corp.test')).toMatchObject({ ok: false });
  });

  it.each([
    [
      'an external entity',
      `<?xml version="1.0"?><!DOCTYPE clientConfig [<!ENTITY host SYSTEM "file:///etc/passwd">]>` +
        autoconfigXml(server('incomingServer', 'imap', '&host;', 993, 'SSL'), ''),
    ],
    [
      'an entity bomb',
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
        `<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>` +
        autoconfigXml(server('incomingServer', 'imap', '&lol3;', 993, 'SSL'), ''),
    ],
    ['an external DTD', `<?xml version="1.0"?><!DOCTYPE clientConfig SYSTEM "https://evil.example/x.dtd">` + autoconfigXml('', '')],
    ['a lower-case doctype', `<!doctype clientConfig>` + autoconfigXml(server('incomingServer', 'imap', 'imap.example.test', 993, 'SSL'), '')],
  ])('refuses a file with %s before parsing it', (_name, xml) => {
    expect(parseAutoconfig(xml, 'corp.test')).toEqual({ ok: false, problem: 'doctype' });
  });

  it('never expands an entity reference it meets without a DOCTYPE: the host is then no host', () => {
    const parsed = parseAutoconfig(autoconfigXml(server('incomingServer', 'imap', 'imap&amp;.example.test', 993, 'SSL')), 'corp.test');
    // Taken literally (no entity processing); manual setup's host rules then refuse it.
    expect(parsed).toMatchObject({ ok: true, servers: { imap: [{ host: 'imap&amp;.example.test' }] } });
  });

  it('drops a server whose host keeps a placeholder it cannot fill, or whose port is no number', () => {
    const xml = autoconfigXml(
      [
        server('incomingServer', 'imap', '%EMAILLOCALPART%.example.test', 993, 'SSL'),
        '<incomingServer type="imap"><hostname>imap.example.test</hostname><port>nine</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>',
        server('outgoingServer', 'smtp', 'smtp.example.test', 465, 'SSL'),
      ].join(''),
    );
    expect(parseAutoconfig(xml, 'corp.test')).toMatchObject({ ok: true, servers: { imap: [], smtp: [{ host: 'smtp.example.test' }] } });
  });
});

describe('fillLoginTemplate', () => {
  it('fills Thunderbird’s placeholders for an address', () => {
    expect(fillLoginTemplate('%EMAILADDRESS%', 'li@xn--fsqu00a.xn--55qx5d')).toBe('li@xn--fsqu00a.xn--55qx5d');
    expect(fillLoginTemplate('%EMAILLOCALPART%', 'li@corp.test')).toBe('li');
    expect(fillLoginTemplate('mail\\%EMAILLOCALPART%@%EMAILDOMAIN%', 'li@corp.test')).toBe('mail\\li@corp.test');
  });
});

describe('autoconfigUrls', () => {
  it('names both places, autoconfig.<domain> first, on the test port when one is given', () => {
    expect(autoconfigUrls('corp.test')).toEqual([
      'https://autoconfig.corp.test/mail/config-v1.1.xml',
      'https://corp.test/.well-known/autoconfig/mail/config-v1.1.xml',
    ]);
    expect(autoconfigUrls('corp.test', 8443)[0]).toBe('https://autoconfig.corp.test:8443/mail/config-v1.1.xml');
  });
});

describe('orderSrvRecords', () => {
  it('orders by priority, then weight (heaviest first), then implicit TLS; "." means not offered', () => {
    expect(
      orderSrvRecords([
        { name: 'c.example.test', port: 993, priority: 20, weight: 0, tls: 'implicit' },
        { name: 'b.example.test.', port: 143, priority: 10, weight: 50, tls: 'starttls' },
        { name: 'a.example.test', port: 993, priority: 10, weight: 50, tls: 'implicit' },
        { name: 'heavy.example.test', port: 993, priority: 10, weight: 90, tls: 'implicit' },
        { name: '', port: 0, priority: 0, weight: 0, tls: 'implicit' },
        { name: '.', port: 0, priority: 0, weight: 0, tls: 'starttls' },
      ]),
    ).toEqual([
      { host: 'heavy.example.test', port: 993, tls: 'implicit' },
      { host: 'a.example.test', port: 993, tls: 'implicit' },
      { host: 'b.example.test', port: 143, tls: 'starttls' },
      { host: 'c.example.test', port: 993, tls: 'implicit' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { findHostedMailServiceByMx } from './hosted-mail';
import { findProviderOfHost, findServerOwner, providerHostZones } from './provider-hosts';
import { PROVIDERS } from './registry';
import type { MailProvider } from './types';

// Which provider a typed server belongs to: manual setup refuses those, so a provider's server is
// never logged in to under the 'manual' id, without its texts, limits and rules.

describe('provider host zones', () => {
  it('come from the provider data: mail domains and the zones the servers live in', () => {
    const zones = providerHostZones()
      .map(({ zone, provider }) => `${zone} ${provider.id}`)
      .sort();
    expect(zones).toEqual([
      '126.com netease',
      '163.com netease',
      '188.com netease',
      'foxmail.com qq',
      'icloud.com icloud',
      'mac.com icloud',
      'mail.me.com icloud',
      'me.com icloud',
      'qiye.163.com netease-enterprise',
      'qq.com qq',
      'sohu.com sohu',
      'vip.126.com netease',
      'vip.163.com netease',
      'vip.188.com netease',
      'yeah.net netease',
      'ym.163.com netease-enterprise',
    ]);
  });

  it('refuse a zone claimed by two providers', () => {
    const [netease, qq] = PROVIDERS as [MailProvider, MailProvider];
    const clash: MailProvider = { ...qq, domains: [{ ...qq.domains[0]!, domain: '163.com' }] };
    expect(() => providerHostZones([netease, clash])).toThrow(/163\.com/);
  });
});

describe('findProviderOfHost', () => {
  it.each([
    ['imap.163.com', 'netease'],
    ['SMTP.126.COM.', 'netease'],
    ['  imap.yeah.net ', 'netease'],
    // Not in the data, but inside the zone the provider's certificates cover.
    ['pop.163.com', 'netease'],
    ['imap2.qq.com', 'qq'],
    ['163.com', 'netease'],
    ['imap.mail.me.com', 'icloud'],
    ['smtp.sohu.com', 'sohu'],
    // The longest zone decides: qiye.163.com is NetEase Enterprise, not NetEase personal mail.
    ['hwhzimap.qiye.163.com', 'netease-enterprise'],
    ['smtp.qiye.163.com', 'netease-enterprise'],
    ['imap.ym.163.com', 'netease-enterprise'],
  ])('%j is a server of %s', (host, id) => {
    expect(findProviderOfHost(host)?.id).toBe(id);
  });

  it.each([
    // Company services inside a provider's zone keep their servers.
    'imap.exmail.qq.com',
    'exmail.qq.com',
    'imap.qiye.aliyun.com',
    'imap.163.com.attacker.example',
    'evil163.com',
    'imap.example.com',
    // No provider's data names an address; see findServerOwner for the test servers.
    '220.181.12.15',
    '::1',
    '',
  ])('%j belongs to no provider', (host) => {
    expect(findProviderOfHost(host)).toBeUndefined();
  });
});

describe('findServerOwner', () => {
  const overrides = parseEnv({
    MAIL_ENDPOINT_OVERRIDES: JSON.stringify({
      '163.com': { imap: '127.0.0.1:1993', smtp: '127.0.0.1:1465' },
      'selfhosted.test': { imap: '127.0.0.1:2993', smtp: '127.0.0.1:2465' },
    }),
  }).MAIL_ENDPOINT_OVERRIDES;

  it('knows a provider server by its name, whatever the port', () => {
    expect(findServerOwner({ host: 'imap.163.com', port: 143 })).toMatchObject({ provider: { id: 'netease' }, host: 'imap.163.com' });
  });

  it('knows it by a name it is an alias of, and names that alias', () => {
    expect(findServerOwner({ host: 'mail.corp.example', port: 993, aliases: ['edge.cdn.example', 'IMAP.QQ.COM.'] })).toMatchObject({
      provider: { id: 'qq' },
      host: 'imap.qq.com',
    });
    expect(findServerOwner({ host: 'mail.corp.example', port: 993, aliases: ['imap.exmail.qq.com'] })).toBeUndefined();
  });

  it('stops following the chain where it enters a company service’s zone: the rest is that service’s', () => {
    // An Exmail company's server, even where Tencent runs it on QQ Mail's machines, is the
    // company's: refusing it as QQ Mail's would send the company to the wrong steps.
    expect(findServerOwner({ host: 'mail.corp.example', port: 993, aliases: ['imap.exmail.qq.com', 'imap.qq.com'] })).toBeUndefined();
    expect(findServerOwner({ host: 'imap.exmail.qq.com', port: 993, aliases: ['imap.qq.com'] })).toBeUndefined();
    expect(findServerOwner({ host: 'mail.corp.example', port: 993, aliases: ['imap.qiye.aliyun.com', 'imap.163.com'] })).toBeUndefined();
    // A provider's name before the service's still decides.
    expect(findServerOwner({ host: 'mail.corp.example', port: 993, aliases: ['imap.qq.com', 'imap.exmail.qq.com'] })).toMatchObject({
      provider: { id: 'qq' },
      host: 'imap.qq.com',
    });
  });

  it('knows the test servers MAIL_ENDPOINT_OVERRIDES names for a provider domain, by host and port', () => {
    expect(findServerOwner({ host: '127.0.0.1', port: 1993 }, overrides)).toMatchObject({ provider: { id: 'netease' }, host: '127.0.0.1' });
    expect(findServerOwner({ host: 'peer.test', port: 1465, aliases: ['127.0.0.1'] }, overrides)).toMatchObject({ provider: { id: 'netease' } });
    // Another port on the same address is another server.
    expect(findServerOwner({ host: '127.0.0.1', port: 1994 }, overrides)).toBeUndefined();
    // A domain no provider lists has no provider to send the user to.
    expect(findServerOwner({ host: '127.0.0.1', port: 2993 }, overrides)).toBeUndefined();
  });
});

describe('findHostedMailServiceByMx', () => {
  it.each([
    [['mxbiz1.qq.com', 'mxbiz2.qq.com'], 'tencent-exmail'],
    [['MXBIZ2.QQ.COM.'], 'tencent-exmail'],
    [['mx.exmail.qq.com'], 'tencent-exmail'],
    [['mxw.mxhichina.com', 'mxn.mxhichina.com'], 'alibaba-mail'],
    [['mx1.qiye.aliyun.com'], 'alibaba-mail'],
    [['mail.corp.example', 'mxbiz1.qq.com'], 'tencent-exmail'],
  ])('recognises the MX hosts %j', (hosts, id) => {
    expect(findHostedMailServiceByMx(hosts)?.id).toBe(id);
  });

  it.each([[['mx1.qq.com']], [['mxbiz1.qq.com.attacker.example']], [['evilmxhichina.com']], [[]]])('takes no service from %j', (hosts) => {
    expect(findHostedMailServiceByMx(hosts)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseDomain, createManualServerSchema, guessManualSettings, MAIL_PORTS, manualEndpoints, manualServerSchema, nonMailPorts } from './manual';
import { issueText } from '@/lib/wizard/client/logic';
import { MANUAL_FIELD_MESSAGES } from './messages';
import type { MxDiscovery } from './mx';
import { findProviderOfHost } from '@/lib/providers/provider-hosts';

const VALID = { imapHost: 'imap.example.com', imapPort: 993, imapTls: 'implicit', smtpHost: 'smtp.example.com', smtpPort: '587', smtpTls: 'starttls' };

/** The schema's complaints per field, worded as the form words them (its issue codes looked up in `locale`). */
function fieldErrors(input: Record<string, unknown>, locale: 'zh' | 'en' = 'zh') {
  const result = manualServerSchema.safeParse(input);
  if (result.success) return {};
  const issues = z.flattenError(result.error).fieldErrors as Record<string, string[]>;
  return Object.fromEntries(Object.entries(issues).map(([field, codes]) => [field, codes.map((code) => issueText(code, locale))]));
}

describe('manual server settings schema', () => {
  it('accepts a complete form, with ports typed as text, and normalises the hosts', () => {
    const result = manualServerSchema.safeParse({ ...VALID, imapHost: ' IMAP.Example.COM. ', smtpHost: '[2001:DB8::25]' });
    expect(result.success && manualEndpoints(result.data)).toEqual({
      imap: { host: 'imap.example.com', port: 993, tls: 'implicit' },
      smtp: { host: '2001:db8::25', port: 587, tls: 'starttls' },
    });
  });

  it('accepts IP addresses written plainly; whether they may be used is the guard’s call', () => {
    expect(manualServerSchema.safeParse({ ...VALID, imapHost: '203.0.113.5', smtpHost: '2001:db8::25' }).success).toBe(true);
    expect(manualServerSchema.safeParse({ ...VALID, imapHost: '127.0.0.1' }).success).toBe(true);
  });

  it.each([
    ['', 'host_empty'],
    ['imap .example.com', 'host_space'],
    ['imap.example.com\u200b.cn', 'host_space'],
    ['imap.example.com:993', 'host_has_port'],
    ['imaps://imap.example.com', 'host_url'],
    ['zhangsan@example.com', 'host_url'],
    ['imap_example.com', 'host_invalid'],
    ['fe80::1%eth0', 'host_invalid'],
    ['127.1', 'host_ip_form'],
    ['2130706433', 'host_ip_form'],
    ['0x7f.0.0.1', 'host_ip_form'],
    ['mailserver', 'host_single_label'],
    [`${'a'.repeat(60)}.`.repeat(5) + 'com', 'host_too_long'],
  ] as const)('says what is wrong with the host %j', (host, problem) => {
    expect(fieldErrors({ ...VALID, smtpHost: host })).toEqual({ smtpHost: [MANUAL_FIELD_MESSAGES[problem].zh] });
  });

  it.each([0, 65_536, -1, 1.5, '', '99999', 'abc', ' 9 93', null, undefined])('refuses the port %j', (port) => {
    expect(fieldErrors({ ...VALID, imapPort: port }, 'en')).toEqual({ imapPort: [MANUAL_FIELD_MESSAGES.port_invalid.en] });
  });

  it('takes a login name as typed but for its ends, and none at all when it is left empty (the address logs in)', () => {
    const parse = (loginName: unknown) => manualServerSchema.safeParse({ ...VALID, loginName });
    expect(parse('  Li.Wei ').data?.loginName).toBe('Li.Wei');
    expect(parse('CORP\\li wei').data?.loginName).toBe('CORP\\li wei');
    expect(parse('   ').data?.loginName).toBeUndefined();
    expect(parse(undefined).data?.loginName).toBeUndefined();
    expect(manualServerSchema.safeParse(VALID).data).not.toHaveProperty('loginName');
  });

  it.each([
    ['li\nA1 LOGOUT', 'login_invisible'],
    ['li\tw', 'login_invisible'],
    ['li\u200b', 'login_invisible'],
    ['\u202eil', 'login_invisible'],
    ['x'.repeat(255), 'login_too_long'],
    [42, 'login_invalid'],
  ] as const)('refuses the login name %j: %s', (loginName, problem) => {
    expect(fieldErrors({ ...VALID, loginName })).toEqual({ loginName: [MANUAL_FIELD_MESSAGES[problem].zh] });
    expect(fieldErrors({ ...VALID, loginName }, 'en')).toEqual({ loginName: [MANUAL_FIELD_MESSAGES[problem].en] });
  });

  it('takes a login name of the longest length', () => {
    expect(manualServerSchema.safeParse({ ...VALID, loginName: 'x'.repeat(254) }).success).toBe(true);
  });

  it('trims a typed port', () => {
    expect(manualServerSchema.safeParse({ ...VALID, imapPort: ' 143 ', smtpPort: ' 465 ' }).success).toBe(true);
  });

  it.each([
    ['imap', [993, 143]],
    ['smtp', [465, 587, 25, 2525]],
  ] as const)('takes the mail ports of %s and only those', (protocol, ports) => {
    expect(MAIL_PORTS[protocol]).toEqual(ports);
    for (const port of ports) expect(fieldErrors({ ...VALID, [`${protocol}Port`]: port })).toEqual({});
  });

  it.each([
    ['imapPort', 995, 'port_not_mail_imap'],
    ['imapPort', 110, 'port_not_mail_imap'],
    ['imapPort', 465, 'port_not_mail_imap'],
    ['imapPort', 22, 'port_not_mail_imap'],
    ['imapPort', '6379', 'port_not_mail_imap'],
    ['smtpPort', 993, 'port_not_mail_smtp'],
    ['smtpPort', 995, 'port_not_mail_smtp'],
    ['smtpPort', 80, 'port_not_mail_smtp'],
    ['smtpPort', 1, 'port_not_mail_smtp'],
    ['smtpPort', 65_535, 'port_not_mail_smtp'],
  ] as const)('refuses %s %j: not a mail port of its protocol', (field, port, problem) => {
    expect(fieldErrors({ ...VALID, [field]: port })).toEqual({ [field]: [MANUAL_FIELD_MESSAGES[problem].zh] });
    expect(fieldErrors({ ...VALID, [field]: port }, 'en')).toEqual({ [field]: [MANUAL_FIELD_MESSAGES[problem].en] });
  });

  it('judges the port list only once the fields are well-formed, and not for .test names', () => {
    // A malformed host is the one message; the port's turn comes when the host is fixed.
    expect(fieldErrors({ ...VALID, smtpHost: 'imap_example.com', imapPort: 8080 })).toEqual({ smtpHost: [MANUAL_FIELD_MESSAGES.host_invalid.zh] });
    // Reserved for tests (RFC 6761), answered by no public name server: the test peers' own ports.
    expect(fieldErrors({ ...VALID, imapHost: 'mail.selfhosted.test', imapPort: 40_123, smtpHost: 'Mail.Selfhosted.Test.', smtpPort: 1 })).toEqual({});
    expect(fieldErrors({ ...VALID, imapHost: 'mail.selfhosted.testing', imapPort: 40_123 })).toEqual({ imapPort: [MANUAL_FIELD_MESSAGES.port_not_mail_imap.zh] });
  });

  it('leaves the port list to the check when asked, which exempts the hosts it names', () => {
    const lenient = createManualServerSchema({ mailPortsOnly: false }).safeParse({ ...VALID, imapPort: 8080 });
    expect(lenient.success).toBe(true);
    if (!lenient.success) return;
    expect(nonMailPorts(lenient.data, () => false)).toEqual([
      { field: 'imapPort', issue: 'manual.port_not_mail_imap', message: MANUAL_FIELD_MESSAGES.port_not_mail_imap },
    ]);
    expect(nonMailPorts(lenient.data, (host) => host === 'imap.example.com')).toEqual([]);
  });

  it('refuses a TLS mode that is not one of the two', () => {
    expect(fieldErrors({ ...VALID, imapTls: 'none', smtpTls: undefined }, 'en')).toEqual({
      imapTls: [MANUAL_FIELD_MESSAGES.tls_invalid.en],
      smtpTls: [MANUAL_FIELD_MESSAGES.tls_invalid.en],
    });
  });

  it('reports every field at once, in the reader’s language', () => {
    expect(Object.keys(fieldErrors({}, 'en')).sort()).toEqual(['imapHost', 'imapPort', 'imapTls', 'smtpHost', 'smtpPort', 'smtpTls']);
    expect(fieldErrors({ ...VALID, imapHost: 42 }, 'en')).toEqual({ imapHost: [MANUAL_FIELD_MESSAGES.host_empty.en] });
  });

  it('says it as issue codes, one schema for both languages', () => {
    const result = manualServerSchema.safeParse({ ...VALID, imapHost: '', imapPort: 995 });
    expect(result.success ? {} : z.flattenError(result.error).fieldErrors).toEqual({ imapHost: ['manual.host_empty'] });
  });

  it('has every field message in both languages', () => {
    for (const message of Object.values(MANUAL_FIELD_MESSAGES)) {
      expect(message.zh).toMatch(/\p{Script=Han}/u);
      expect(message.en).toMatch(/^[A-Z]/);
    }
  });
});

const unknown = (...mxHosts: string[]): MxDiscovery => ({ code: 'unknown_provider', mxHosts, message: { zh: '', en: '' } });

describe('guessManualSettings', () => {
  it('guesses imap./smtp. under the domain, implicit TLS on 993 and 465, when DNS told us nothing', () => {
    for (const mx of [undefined, { code: 'no_mx', message: { zh: '', en: '' } } as const, { code: 'timeout', message: { zh: '', en: '' } } as const]) {
      expect(guessManualSettings('example.com', mx)).toEqual({
        values: { imapHost: 'imap.example.com', imapPort: 993, imapTls: 'implicit', smtpHost: 'smtp.example.com', smtpPort: 465, smtpTls: 'implicit' },
        basis: 'domain',
        alternatives: { imap: ['mail.example.com', 'example.com'], smtp: ['mail.example.com', 'example.com'] },
        source: 'guess',
      });
    }
  });

  it('uses a self-run MX host inside the domain for both servers', () => {
    const guess = guessManualSettings('example.com', unknown('mail.example.com', 'backup.isp.net'));
    expect(guess.basis).toBe('mx_host');
    expect(guess.values).toMatchObject({ imapHost: 'mail.example.com', smtpHost: 'mail.example.com' });
    expect(guess.alternatives.imap).toEqual(['imap.example.com', 'example.com']);
  });

  it('uses the MX host’s base domain when mail is hosted elsewhere, as Thunderbird does', () => {
    const guess = guessManualSettings('example.org', unknown('mx01.mail.hoster.com.cn'));
    expect(guess.basis).toBe('mx_base_domain');
    expect(guess.values).toMatchObject({ imapHost: 'imap.hoster.com.cn', smtpHost: 'smtp.hoster.com.cn' });
    expect(guess.alternatives.imap).toEqual(['imap.example.org', 'mail.example.org', 'example.org', 'mail.hoster.com.cn']);
  });

  it.each([
    [['mxbiz1.qq.com', 'mxbiz2.qq.com'], 'imap.exmail.qq.com', 'smtp.exmail.qq.com'],
    [['mxw.mxhichina.com', 'mxn.mxhichina.com'], 'imap.qiye.aliyun.com', 'smtp.qiye.aliyun.com'],
    [['mx1.qiye.aliyun.com'], 'imap.qiye.aliyun.com', 'smtp.qiye.aliyun.com'],
  ])('fills in the servers a company mail service publishes for the MX hosts %j', (mxHosts, imapHost, smtpHost) => {
    expect(guessManualSettings('corp.example', unknown(...mxHosts))).toEqual({
      values: { imapHost, imapPort: 993, imapTls: 'implicit', smtpHost, smtpPort: 465, smtpTls: 'implicit' },
      basis: 'provider',
      alternatives: { imap: [], smtp: [] },
      source: 'hosted_service',
    });
  });

  it.each([['mx.163.com'], ['mx3.qq.com'], ['mx.ym.163.com']])('never proposes a provider’s server from the MX host %s', (mxHost) => {
    // imap.163.com or imap.qq.com would be another provider's server, which manual setup refuses.
    const guess = guessManualSettings('corp.example', unknown(mxHost));
    expect(guess).toMatchObject({ basis: 'domain', values: { imapHost: 'imap.corp.example', smtpHost: 'smtp.corp.example' } });
    expect([...guess.alternatives.imap, ...guess.alternatives.smtp].join(' ')).not.toMatch(/163\.com|qq\.com/);
  });

  it.each([
    // No provider entry lists vip.qq.com or vip.sohu.com, but every usual name under them is in
    // QQ Mail's or Sohu's zone: filled in, the check would refuse them on the reader's behalf.
    ['vip.qq.com', unknown('mx3.qq.com')],
    ['vip.qq.com', undefined],
    ['vip.qq.com', unknown('mx.vip.qq.com')],
    ['vip.sohu.com', unknown('mx.vip.sohu.com')],
  ] as const)('fills in nothing for %s when every usual name is a provider’s server', (domain, mx) => {
    const guess = guessManualSettings(domain, mx);
    expect(guess).toEqual({
      values: { imapHost: '', imapPort: 993, imapTls: 'implicit', smtpHost: '', smtpPort: 465, smtpTls: 'implicit' },
      basis: 'none',
      alternatives: { imap: [], smtp: [] },
      source: 'guess',
    });
  });

  it('never fills in or offers a host that manual setup would refuse, whatever the domain and MX', () => {
    const cases: [string, MxDiscovery | undefined][] = [
      ['vip.qq.com', unknown('mx3.qq.com')],
      ['mail.163.com', unknown('mx.mail.163.com')],
      ['corp.example', unknown('mx.ym.163.com')],
      ['corp.example', unknown('imap.qq.com')],
      ['example.com', unknown('mail.example.com')],
      ['me.com', undefined],
    ];
    for (const [domain, mx] of cases) {
      const { values, alternatives } = guessManualSettings(domain, mx);
      for (const host of [values.imapHost, values.smtpHost, ...alternatives.imap, ...alternatives.smtp].filter(Boolean)) {
        expect(findProviderOfHost(host), `${domain}: ${host}`).toBeUndefined();
      }
    }
  });

  it('skips a self-run MX host inside a provider’s zone and falls back to the next guess', () => {
    // The MX host is inside the domain, but the domain is inside QQ Mail's zone: nothing usable.
    expect(guessManualSettings('vip.qq.com', unknown('mx.vip.qq.com')).basis).toBe('none');
    // A domain outside every zone keeps its own MX host.
    expect(guessManualSettings('example.com', unknown('mail.example.com')).basis).toBe('mx_host');
  });

  it('produces values the schema accepts', () => {
    const guess = guessManualSettings('example.com', unknown('mx.hoster.net'));
    expect(manualServerSchema.safeParse(guess.values).success).toBe(true);
  });

  it('finds the base domain under two-label public suffixes', () => {
    expect(baseDomain('mx1.hoster.com.cn')).toBe('hoster.com.cn');
    expect(baseDomain('a.b.mx.hoster.net')).toBe('hoster.net');
    expect(baseDomain('hoster.net')).toBe('hoster.net');
  });
});

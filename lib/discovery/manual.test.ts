import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseDomain, createManualServerSchema, guessManualSettings, manualEndpoints, manualServerSchema } from './manual';
import { MANUAL_FIELD_MESSAGES } from './messages';
import type { MxDiscovery } from './mx';

const VALID = { imapHost: 'imap.example.com', imapPort: 993, imapTls: 'implicit', smtpHost: 'smtp.example.com', smtpPort: '587', smtpTls: 'starttls' };

function fieldErrors(input: Record<string, unknown>, locale: 'zh' | 'en' = 'zh') {
  const result = createManualServerSchema(locale).safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
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

  it('accepts the port edges and trims a typed port', () => {
    expect(manualServerSchema.safeParse({ ...VALID, imapPort: 1, smtpPort: ' 65535 ' }).success).toBe(true);
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

  it('fills in a detected provider’s servers as they are', () => {
    const guess = guessManualSettings('corp.example', undefined, {
      imap: { host: 'hwhzimap.qiye.163.com', port: 993, tls: 'implicit' },
      smtp: { host: 'hwhzsmtp.qiye.163.com', port: 465, tls: 'implicit' },
    });
    expect(guess).toMatchObject({ basis: 'provider', values: { imapHost: 'hwhzimap.qiye.163.com', smtpHost: 'hwhzsmtp.qiye.163.com' } });
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

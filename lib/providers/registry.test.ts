import { describe, expect, it } from 'vitest';
import { MANUAL_PROVIDER } from './manual';
import { NETEASE_PERSONAL } from './netease';
import { findProviderByDomain, getProvider, matchKnownError, PROVIDERS, registerRuntimeProvider } from './registry';
import { GUIDE_STEP_IDS } from './types';

describe('provider registry', () => {
  it('lists every NetEase personal domain, confirmed or not', () => {
    expect(NETEASE_PERSONAL.domains.map(({ domain, confirmed }) => [domain, confirmed])).toEqual([
      ['163.com', true],
      ['126.com', true],
      ['yeah.net', true],
      ['188.com', false],
      ['vip.163.com', false],
      ['vip.126.com', false],
      ['vip.188.com', false],
    ]);
  });

  it('has no domain claimed twice', () => {
    const domains = PROVIDERS.flatMap((provider) => provider.domains.map(({ domain }) => domain));
    expect(new Set(domains).size).toBe(domains.length);
  });

  it('finds providers by normalised domain and by id', () => {
    expect(findProviderByDomain('126.com')?.provider).toBe(NETEASE_PERSONAL);
    expect(findProviderByDomain('126.com')?.domain.webmailUrl).toBe('https://mail.126.com');
    expect(findProviderByDomain('gmail.com')).toBeUndefined();
    expect(getProvider('netease')).toBe(NETEASE_PERSONAL);
    expect(getProvider('nope')).toBeUndefined();
  });

  it('describes the NetEase credential and where it is made', () => {
    expect(NETEASE_PERSONAL.credential).toEqual({
      name: { zh: '客户端授权码', en: 'client authorization code' },
      kind: 'code',
      format: { length: 16 },
      shownOnce: true,
    });
    expect(NETEASE_PERSONAL.settingsPath.zh).toBe('设置 → POP3/SMTP/IMAP');
    expect(NETEASE_PERSONAL.usernameForm).toEqual({ imap: 'address', smtp: 'address', pop3: 'address' });
    expect(NETEASE_PERSONAL.requiresIdAfterLogin).toBe(true);
    expect(NETEASE_PERSONAL.name).toEqual({ zh: '网易邮箱', en: 'NetEase Mail' });
  });
});

describe('manual setup provider', () => {
  it('is found by id but listed nowhere detection, the chooser or the endpoint allow-list look', () => {
    expect(getProvider('manual')).toBe(MANUAL_PROVIDER);
    expect(PROVIDERS).not.toContain(MANUAL_PROVIDER);
    expect(PROVIDERS.map((p) => p.id)).not.toContain('manual');
    expect(MANUAL_PROVIDER.domains).toEqual([]);
    expect(MANUAL_PROVIDER.customDomains).toBeUndefined();
    expect(findProviderByDomain('example.com')).toBeUndefined();
  });

  it('knows no texts of its own and has the four guide steps', () => {
    expect(MANUAL_PROVIDER.knownErrors).toEqual([]);
    expect(MANUAL_PROVIDER.credential.format).toBeUndefined();
    expect(MANUAL_PROVIDER.guide?.map((step) => step.id)).toEqual(GUIDE_STEP_IDS);
  });

  it('cannot be shadowed by a provider registered at run time', () => {
    expect(() => registerRuntimeProvider({ ...MANUAL_PROVIDER, name: { zh: 'x', en: 'x' } })).toThrow(/clashes/);
    expect(getProvider('manual')).toBe(MANUAL_PROVIDER);
  });
});

describe('matchKnownError', () => {
  it.each([
    ['imap', 'Login error or password error', undefined, 'auth_failed'],
    ['imap', 'NO LOGIN Login error or password error', undefined, 'auth_failed'],
    ['imap', 'Unsafe Login. Please contact kefu@188.com for help', undefined, 'unsafe_login'],
    ['smtp', '535 Error: authentication failed', 535, 'auth_failed'],
    ['smtp', '550 User has no permission', 550, 'smtp_not_enabled'],
    ['smtp', '553 Local user only,163 smtp3,xxx', 553, 'sender_rejected'],
    ['smtp', '554 IP is rejected, smtp auth error limit exceed', 554, 'ip_banned'],
    ['smtp', '451 Requested mail action not taken: too much fail authentication', 451, 'ip_banned'],
    ['smtp', '554 DT:SPM 163 smtp10,DsCowAB1', 554, 'content_flagged'],
  ] as const)('reads %s %j as %s', (protocol, text, replyCode, failure) => {
    expect(matchKnownError(NETEASE_PERSONAL, { protocol, text, replyCode })?.failure).toBe(failure);
  });

  it('matches every documented sample to its own entry', () => {
    for (const known of NETEASE_PERSONAL.knownErrors) {
      expect(matchKnownError(NETEASE_PERSONAL, { protocol: known.protocol, text: known.sample, replyCode: known.replyCode })).toBe(known);
    }
  });

  it('ignores case and does not cross protocols or reply codes', () => {
    expect(matchKnownError(NETEASE_PERSONAL, { protocol: 'imap', text: 'unsafe login.' })?.failure).toBe('unsafe_login');
    expect(matchKnownError(NETEASE_PERSONAL, { protocol: 'smtp', text: 'Login error or password error' })).toBeUndefined();
    expect(matchKnownError(NETEASE_PERSONAL, { protocol: 'smtp', text: '454 authentication failed', replyCode: 454 })).toBeUndefined();
    expect(matchKnownError(NETEASE_PERSONAL, { protocol: 'imap', text: 'Server busy' })).toBeUndefined();
  });
});

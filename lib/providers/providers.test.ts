import { describe, expect, it } from 'vitest';
import { classifyServerReply } from '@/lib/mail-check/diagnosis';
import { assessAuthCode, cleanSecret } from './auth-code';
import { detectProvider, detectProviderById } from './detect';
import { ICLOUD_MAIL } from './icloud';
import { NETEASE_ENTERPRISE } from './netease-enterprise';
import { QQ_MAIL } from './qq';
import {
  findProviderByDomain,
  findProviderByMxHost,
  getProvider,
  listRuntimeProviders,
  matchKnownError,
  PROVIDERS,
  providerEndpointSets,
  registerRuntimeProvider,
} from './registry';
import { SOHU_MAIL } from './sohu';
import { GUIDE_STEP_IDS, type MailProvider } from './types';
import { LOCALES, type Localized } from '@/lib/i18n/locale';
import { WRITTEN_GUIDE_MESSAGES, type WrittenGuideText } from '@/lib/i18n/messages/written-guides';

// Every provider's data held to what detection, the check and the wizard rely on. A new
// provider passes these or it is not finished.

const HAS_CJK = /[\u4e00-\u9fff]/;

function expectBothLanguages(text: Localized, what: string) {
  expect(text.zh, `${what} (zh)`).toMatch(HAS_CJK);
  expect(text.en.length, `${what} (en)`).toBeGreaterThan(3);
  // English may quote a Chinese menu name, in brackets or next to its translation, but it has to
  // say something in English too.
  expect(text.en.replace(/[\u3000-\u9fff\uff00-\uffef]+/g, '').trim().length, `${what} (en)`).toBeGreaterThan(3);
}

const byId = (id: string) => {
  const provider = getProvider(id);
  if (!provider) throw new Error(`no provider ${id}`);
  return provider;
};

describe('the registry', () => {
  it('holds the five providers under distinct ids', () => {
    expect(PROVIDERS.map((p) => p.id)).toEqual(['netease', 'qq', 'sohu', 'icloud', 'netease-enterprise']);
  });

  it('has no domain claimed twice', () => {
    const domains = PROVIDERS.flatMap((p) => p.domains.map((d) => d.domain));
    expect(new Set(domains).size).toBe(domains.length);
  });

  it.each(PROVIDERS.flatMap((provider) => provider.domains.map((d) => [d.domain, provider.id] as const)))(
    'detects @%s as %s, with the servers of that domain',
    (domain, id) => {
      const result = detectProvider(`Someone@${domain.toUpperCase()}`);
      if (!result.ok) throw new Error(`@${domain} was not detected`);
      expect(result.provider.id).toBe(id);
      expect(result.endpoints).toBe(findProviderByDomain(domain)?.domain.endpoints);
    },
  );

  it.each([
    ['zhangsan@qq.com', 'qq', { imap: 'zhangsan@qq.com', smtp: 'zhangsan@qq.com' }],
    ['ZhangSan@Foxmail.com', 'qq', { imap: 'zhangsan@foxmail.com', smtp: 'zhangsan@foxmail.com' }],
    ['zhangsan@sohu.com', 'sohu', { imap: 'zhangsan@sohu.com', smtp: 'zhangsan@sohu.com' }],
    // iCloud: the local part for IMAP, then the address once; SMTP always the address.
    ['Tim@iCloud.com', 'icloud', { imap: 'tim', imapFallback: 'tim@icloud.com', smtp: 'tim@icloud.com' }],
    ['tim@me.com', 'icloud', { imap: 'tim', imapFallback: 'tim@me.com', smtp: 'tim@me.com' }],
    ['tim@mac.com', 'icloud', { imap: 'tim', imapFallback: 'tim@mac.com', smtp: 'tim@mac.com' }],
  ])('gives %s the login names %s expects', (address, id, username) => {
    expect(detectProvider(address)).toMatchObject({ ok: true, provider: { id } });
    const result = detectProvider(address);
    if (result.ok) expect(result.username).toEqual(username);
  });

  it('does not take look-alike domains', () => {
    for (const address of ['a@mail.qq.com', 'a@qq.com.cn', 'a@icloud.cn', 'a@sohu.net', 'a@qiye.163.com']) {
      expect(detectProvider(address)).toMatchObject({ ok: false, error: 'unknown_provider' });
    }
  });
});

describe.each(PROVIDERS.map((p) => [p.id, p] as const))('%s', (_id, provider: MailProvider) => {
  it('names itself, its credential and where the credential is made, in both languages', () => {
    expectBothLanguages(provider.name, 'name');
    expectBothLanguages(provider.credential.name, 'credential name');
    expectBothLanguages(provider.settingsPath, 'settings path');
    if (provider.hostNote) expectBothLanguages(provider.hostNote, 'host note');
    if (provider.credential.prerequisite) expectBothLanguages(provider.credential.prerequisite, 'prerequisite');
  });

  it('has the four guide steps in order, each with an instruction and what the user will see', () => {
    expect(provider.guide?.map((step) => step.id)).toEqual(GUIDE_STEP_IDS);
    for (const step of provider.guide ?? []) {
      expectBothLanguages(step.title, `${step.id} title`);
      expectBothLanguages(step.instruction, `${step.id} instruction`);
      expectBothLanguages(step.outcome, `${step.id} outcome`);
      if (step.location) expectBothLanguages(step.location, `${step.id} location`);
      if (step.url) expect(() => new URL(step.url!)).not.toThrow();
    }
    // The step on the provider's pages says where on them it is.
    expect(provider.guide?.find((s) => s.id === 'access-settings')?.location).toBeDefined();
  });

  it('names only words its written guide has, in both languages, where a step is written out', () => {
    for (const step of provider.guide ?? []) {
      if (!step.written) continue;
      for (const locale of LOCALES) {
        const guide = (WRITTEN_GUIDE_MESSAGES[locale] as Partial<Record<string, WrittenGuideText>>)[provider.id];
        const words: Readonly<Record<string, unknown>> | undefined = guide?.[step.id as Exclude<keyof WrittenGuideText, 'figures'>];
        for (const block of [...step.written.body, ...(step.written.afterForm ?? [])]) {
          const where = `${step.id} ${block.kind} (${locale})`;
          if (block.kind === 'steps') expect(words?.[block.items], where).toEqual(expect.arrayContaining([expect.any(String)]));
          else if (block.kind === 'figure') expect(guide?.figures[block.figure].title, where).toBeTruthy();
          else expect(typeof words?.[block.text], where).toBe('string');
          if (block.kind === 'warning') expect(typeof words?.[block.title], where).toBe('string');
        }
      }
    }
  });

  it('has help links, notes and assumptions in both languages', () => {
    expect(provider.helpLinks?.length).toBeGreaterThan(0);
    for (const link of provider.helpLinks ?? []) {
      expectBothLanguages(link.label, link.url);
      expect(new URL(link.url).protocol).toMatch(/^https?:$/);
    }
    for (const text of [...(provider.notes ?? []), ...(provider.assumptions ?? [])]) expectBothLanguages(text, 'note');
  });

  it('words its diagnosis overrides in both languages, with a checklist', () => {
    for (const [code, override] of Object.entries(provider.diagnoses ?? {})) {
      for (const text of [override.title, override.explanation, ...(override.checklist ?? [])]) {
        if (text) expectBothLanguages(text, code);
      }
      if (override.checklist) expect(override.checklist.length).toBeGreaterThan(0);
      if (override.guideStep) expect(GUIDE_STEP_IDS).toContain(override.guideStep);
    }
  });

  it('matches each of its documented replies to its own entry', () => {
    for (const known of provider.knownErrors) {
      expect(matchKnownError(provider, { protocol: known.protocol, text: known.sample, replyCode: known.replyCode })).toBe(known);
    }
  });

  it('never opens TLS straight away on the submission port 587', () => {
    for (const set of providerEndpointSets(provider)) {
      for (const endpoint of [set.imap, set.smtp]) {
        if (endpoint.port === 587) expect(endpoint.tls).toBe('starttls');
      }
    }
  });
});

describe('provider replies across providers', () => {
  const all = PROVIDERS.flatMap((p) => p.knownErrors);
  it.each(PROVIDERS.flatMap((p) => p.knownErrors.map((k) => [p.id, k.sample, k] as const)))(
    '%s: %j means the same with every provider\'s texts in play',
    (_id, sample, known) => {
      if (known.protocol === 'pop3') return;
      const stage = known.protocol === 'imap' ? (known.failure === 'unsafe_login' ? 'examine' : 'login') : 'auth';
      const reply = { protocol: known.protocol, stage, text: sample, replyCode: known.replyCode } as const;
      expect(classifyServerReply(reply, all)).toBe(known.failure);
    },
  );

  it.each([
    [QQ_MAIL, 'smtp', '535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256', 535, 'password_instead_of_code'],
    [QQ_MAIL, 'imap', 'NO Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy.', undefined, 'auth_failed_or_limited'],
    [QQ_MAIL, 'smtp', '535 Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy.', 535, 'auth_failed_or_limited'],
    [ICLOUD_MAIL, 'imap', 'NO [AUTHENTICATIONFAILED] Authentication failed', undefined, 'auth_failed'],
    [NETEASE_ENTERPRISE, 'imap', 'NO LOGIN ERR.LOGIN.IPDENY', undefined, 'ip_not_allowed'],
    [NETEASE_ENTERPRISE, 'smtp', '535 ERR.LOGIN.IPDENY', 535, 'ip_not_allowed'],
    [NETEASE_ENTERPRISE, 'imap', 'NO LOGIN ERR.LOGIN.DOMAINNOTEXIST', undefined, 'wrong_server_group'],
    [NETEASE_ENTERPRISE, 'smtp', '535 err.login.domainnotexist', 535, 'wrong_server_group'],
  ] as const)('%#: %s reads %j as %s', (provider, protocol, text, replyCode, failure) => {
    expect(matchKnownError(provider, { protocol, text, replyCode })?.failure).toBe(failure);
  });

  it('has no texts for Sohu, whose words are not on record', () => {
    expect(SOHU_MAIL.knownErrors).toEqual([]);
    expect(SOHU_MAIL.diagnoses?.auth_failed?.checklist?.map((c) => c.en).join(' ')).toMatch(/IP-whitelist/);
  });
});

describe('credentials, normalised and assessed per format', () => {
  it.each([
    [QQ_MAIL, 'abcdefghijklmnop', 'abcdefghijklmnop', []],
    [QQ_MAIL, ' abcd efgh\nijkl\u200bmnop ', 'abcdefghijklmnop', []],
    [QQ_MAIL, 'qq123456', 'qq123456', ['wrong_length', 'non_letters', 'looks_like_password']],
    // iCloud: the hyphens stay in what is sent and are not counted.
    [ICLOUD_MAIL, 'abcd-efgh-ijkl-mnop', 'abcd-efgh-ijkl-mnop', []],
    [ICLOUD_MAIL, 'abcd - efgh - ijkl - mnop', 'abcd-efgh-ijkl-mnop', []],
    [ICLOUD_MAIL, 'ａｂｃｄ－ｅｆｇｈ－ｉｊｋｌ－ｍｎｏｐ', 'abcd-efgh-ijkl-mnop', []],
    [ICLOUD_MAIL, 'abcdefghijklmnop', 'abcdefghijklmnop', []],
    [ICLOUD_MAIL, 'AppleID2024!', 'AppleID2024!', ['wrong_length', 'non_letters', 'looks_like_password']],
    // Enterprise: 16 characters, which ones is not on record.
    [NETEASE_ENTERPRISE, 'Ab3dEf6hIj9kLm2n', 'Ab3dEf6hIj9kLm2n', []],
    [NETEASE_ENTERPRISE, 'Ab3dEf6hIj9kLm2', 'Ab3dEf6hIj9kLm2', ['wrong_length']],
    [NETEASE_ENTERPRISE, 'pw', 'pw', ['wrong_length', 'looks_like_password']],
    // Sohu: no format on record, so nothing to warn about, and a password is sent as typed.
    [SOHU_MAIL, 'whatever1!', 'whatever1!', []],
    [SOHU_MAIL, ' what ever１! \n', ' what ever１! ', []],
  ] as const)('%#: %j is sent as %j with warnings %j', (provider, input, sent, warnings) => {
    expect(cleanSecret(input, provider.credential.kind)).toBe(sent);
    expect(assessAuthCode(input, provider).warnings).toEqual(warnings);
  });

  it('says what the credential needs and how long it lives', () => {
    expect(ICLOUD_MAIL.credential.prerequisite?.en).toMatch(/two-factor/);
    expect(NETEASE_ENTERPRISE.credential).toMatchObject({ named: true, expires: true, shownOnce: true });
    expect(SOHU_MAIL.credential.format).toBeUndefined();
    expect(NETEASE_ENTERPRISE.guide?.find((s) => s.id === 'enable-service-and-get-code')?.instruction.zh).toContain('确定');
  });
});

describe('custom domains (NetEase enterprise)', () => {
  it('lists no domains of its own, so detection by domain alone never finds it', () => {
    expect(NETEASE_ENTERPRISE.domains).toEqual([]);
    expect(detectProvider('li@corp.example')).toMatchObject({ ok: false, error: 'unknown_provider' });
  });

  it.each(['mx.qiye.163.com', 'MXBIZ1.QIYE.163.COM.', 'qiye.163.com'])('recognises the MX host %s', (host) => {
    expect(findProviderByMxHost(host)).toBe(NETEASE_ENTERPRISE);
  });

  it.each(['mx1.qq.com', 'qiye.163.com.evil.example', 'evilqiye.163.com', 'mx.163.com'])('does not take the MX host %s', (host) => {
    expect(findProviderByMxHost(host)).toBeUndefined();
  });

  it('gives a custom domain the primary servers, the backups, and says the server group is assumed', () => {
    const result = detectProviderById(' Li@Corp.Example ', 'netease-enterprise');
    if (!result.ok) throw new Error('expected detection by id to succeed');
    expect(result).toMatchObject({
      address: 'li@corp.example',
      domain: 'corp.example',
      provider: NETEASE_ENTERPRISE,
      domainInfo: { domain: 'corp.example', confirmed: false },
      endpoints: {
        imap: { host: 'hwhzimap.qiye.163.com', port: 993, tls: 'implicit' },
        smtp: { host: 'hwhzsmtp.qiye.163.com', port: 465, tls: 'implicit' },
      },
      username: { imap: 'li@corp.example', smtp: 'li@corp.example' },
    });
    expect(result.alternatives.map((set) => [set.imap.host, set.smtp.host])).toEqual([
      ['imap.qiye.163.com', 'smtp.qiye.163.com'],
      ['imaphz.qiye.163.com', 'smtp.qiye.163.com'],
      ['imap.ym.163.com', 'smtp.ym.163.com'],
    ]);
    expect(NETEASE_ENTERPRISE.hostNote?.en).toContain('DOMAINNOTEXIST');
  });

  it('starts with the set the domain’s MX rule names (ym.163.com: its own servers), the usual first set leading the rest', () => {
    const result = detectProviderById('li@corp-ym.example', 'netease-enterprise', { firstImapHost: 'imap.ym.163.com' });
    if (!result.ok) throw new Error('expected detection by id to succeed');
    expect([result.endpoints.imap.host, result.endpoints.smtp.host]).toEqual(['imap.ym.163.com', 'smtp.ym.163.com']);
    expect(result.alternatives.map((set) => set.imap.host)).toEqual(['hwhzimap.qiye.163.com', 'imap.qiye.163.com', 'imaphz.qiye.163.com']);
    // A host no set has changes nothing; nor does a listed domain's detection.
    const unknown = detectProviderById('li@corp-ym.example', 'netease-enterprise', { firstImapHost: 'imap.nowhere.example' });
    expect(unknown).toMatchObject({ ok: true, endpoints: { imap: { host: 'hwhzimap.qiye.163.com' } } });
    expect(detectProviderById('a@126.com', 'netease', { firstImapHost: 'imap.163.com' })).toMatchObject({ endpoints: { imap: { host: 'imap.126.com' } } });
  });

  it('by id, a listed domain keeps its own servers; an unknown id or a provider without custom domains is unknown', () => {
    expect(detectProviderById('a@126.com', 'netease')).toMatchObject({ ok: true, endpoints: { imap: { host: 'imap.126.com' } } });
    expect(detectProviderById('a@corp.example', 'qq')).toMatchObject({ ok: false, error: 'unknown_provider' });
    expect(detectProviderById('a@corp.example', 'nope')).toMatchObject({ ok: false, error: 'unknown_provider' });
    expect(detectProviderById('not an address', 'netease-enterprise')).toMatchObject({ ok: false, error: 'invalid_address' });
  });

  it('counts the enterprise servers among the provider endpoints', () => {
    const hosts = providerEndpointSets(NETEASE_ENTERPRISE).flatMap((set) => [set.imap.host, set.smtp.host]);
    expect(hosts).toEqual(expect.arrayContaining(['hwhzimap.qiye.163.com', 'imap.qiye.163.com', 'imaphz.qiye.163.com', 'smtp.qiye.163.com']));
  });
});

describe('runtime providers (practice mode)', () => {
  const practice: MailProvider = {
    id: 'practice-test',
    name: { zh: '练习邮箱', en: 'Practice mail' },
    domains: [
      {
        domain: 'practice.test',
        confirmed: true,
        name: { zh: '练习邮箱', en: 'Practice mail' },
        webmailUrl: 'https://practice.test',
        endpoints: {
          imap: { host: '127.0.0.1', port: 10993, tls: 'implicit' },
          smtp: { host: '127.0.0.1', port: 10465, tls: 'implicit' },
        },
        alternatives: [],
      },
    ],
    usernameForm: { imap: 'address', smtp: 'address' },
    credential: { name: { zh: '授权码', en: 'code' }, kind: 'code', shownOnce: true },
    settingsPath: { zh: '设置', en: 'Settings' },
    requiresIdAfterLogin: false,
    knownErrors: [],
  };

  it('is found while registered and gone after', () => {
    const unregister = registerRuntimeProvider(practice);
    try {
      expect(getProvider('practice-test')).toBe(practice);
      expect(findProviderByDomain('practice.test')?.provider).toBe(practice);
      expect(listRuntimeProviders()).toContain(practice);
    } finally {
      unregister();
    }
    expect(getProvider('practice-test')).toBeUndefined();
    expect(findProviderByDomain('practice.test')).toBeUndefined();
  });

  it('cannot shadow a real provider', () => {
    expect(() => registerRuntimeProvider({ ...practice, id: 'qq' })).toThrow(/clashes/);
    expect(() => registerRuntimeProvider({ ...practice, domains: [{ ...practice.domains[0]!, domain: 'qq.com' }] })).toThrow(/clashes/);
    expect(byId('qq')).toBe(QQ_MAIL);
  });
});

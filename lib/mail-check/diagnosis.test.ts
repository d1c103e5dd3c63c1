import { describe, expect, it } from 'vitest';
import { ICLOUD_MAIL } from '@/lib/providers/icloud';
import { NETEASE_ENTERPRISE } from '@/lib/providers/netease-enterprise';
import { QQ_MAIL } from '@/lib/providers/qq';
import { PROVIDERS } from '@/lib/providers/registry';
import { SOHU_MAIL } from '@/lib/providers/sohu';
import type { KnownFailureCode } from '@/lib/providers/types';
import { DIAGNOSES, STAGE_LABELS, classifyServerReply, countsTowardLimits, createRedactor, diagnose, isLoginVerdict } from './diagnosis';
import type { FailureCode } from './types';

// The diagnosis is data: these tests hold the data to what the UI needs (both languages, a
// checklist, a guide step for every code) and the reply classification to NetEase's texts.

const KNOWN_ERRORS = PROVIDERS.flatMap((p) => p.knownErrors);
// The check speaks IMAP and SMTP; POP3 texts, if a provider lists any, are not its business.
const CHECKED_ERRORS = KNOWN_ERRORS.flatMap((k) => (k.protocol === 'pop3' ? [] : [{ ...k, protocol: k.protocol }]));
const HAS_CJK = /[\u4e00-\u9fff]/;

describe('DIAGNOSES', () => {
  it.each(Object.entries(DIAGNOSES))('%s has a title, an explanation and a checklist in Chinese and English', (_code, text) => {
    for (const localized of [text.title, text.explanation, ...text.checklist]) {
      expect(localized.zh).toMatch(HAS_CJK);
      expect(localized.en.length).toBeGreaterThan(5);
      expect(localized.en).not.toMatch(HAS_CJK);
    }
    expect(text.checklist.length).toBeGreaterThan(0);
    expect(['core-parameters-configuration', 'access-settings', 'enable-service-and-get-code', 'configure-in-client']).toContain(
      text.guideStep,
    );
  });

  it('auth_failed walks through NetEase\'s many causes behind one text', () => {
    const items = DIAGNOSES.auth_failed.checklist.map((c) => c.en).join('\n');
    expect(items).toMatch(/16 letters/);
    expect(items).toMatch(/web-mail password/);
    expect(items).toMatch(/deleted|switched off/);
    expect(items).toMatch(/IMAP\/SMTP service/);
    expect(items).toMatch(/126\.com/);
    expect(DIAGNOSES.auth_failed.guideStep).toBe('enable-service-and-get-code');
  });

  it('ip_banned tells the user to wait and not to retry', () => {
    expect(DIAGNOSES.ip_banned.explanation.en).toMatch(/do not keep retrying/);
    expect(DIAGNOSES.ip_banned.explanation.zh).toMatch(/不要反复重试/);
  });

  it('names the stage for a timeout, in both languages', () => {
    const d = diagnose('timeout', 'ehlo');
    expect(d.code).toBe('timeout');
    expect(d.explanation.en).toContain(STAGE_LABELS.ehlo.en);
    expect(d.explanation.zh).toContain(STAGE_LABELS.ehlo.zh);
    // Where the stage adds nothing, the explanation is the plain one.
    expect(diagnose('auth_failed', 'login').explanation).toEqual(DIAGNOSES.auth_failed.explanation);
  });
});

describe('the codes the other providers brought', () => {
  it('password_instead_of_code says the account password was typed and sends the user to make a code', () => {
    const d = diagnose('password_instead_of_code', 'auth');
    expect(d.title.en).toMatch(/account password, not the code/);
    expect(d.title.zh).toContain('不是授权码');
    expect(d.guideStep).toBe('enable-service-and-get-code');
  });

  it('auth_failed_or_limited lists the five causes and asks for at least 15 minutes', () => {
    const d = diagnose('auth_failed_or_limited', 'login');
    for (const cause of [/wrong code/, /switched off/, /abnormal/, /too many logins/, /busy/]) expect(d.explanation.en).toMatch(cause);
    const items = d.checklist.map((c) => `${c.zh} ${c.en}`).join('\n');
    expect(items).toMatch(/至少等 15 分钟/);
    expect(items).toMatch(/at least 15 minutes/);
    expect(d.waitMinutes).toBe(15);
  });

  it('ip_not_allowed is about where the login comes from, not the code', () => {
    const d = diagnose('ip_not_allowed', 'login');
    expect(d.explanation.en).toMatch(/says nothing about whether the code is right/);
    expect(d.checklist.map((c) => c.en).join(' ')).toMatch(/administrator/);
    expect(d.checklist.map((c) => c.en).join(' ')).toMatch(/IP-whitelist/);
  });

  it('wrong_server_group sends the user to the other servers, not to a new code', () => {
    const d = diagnose('wrong_server_group', 'login');
    expect(d.checklist[0]?.en).toMatch(/imap\.qiye\.163\.com/);
    expect(d.guideStep).toBe('core-parameters-configuration');
  });

  it('every code a provider text can produce counts toward the lockout, unless it is not about the login', () => {
    const notAboutLogin: KnownFailureCode[] = ['unsafe_login', 'sender_rejected', 'content_flagged'];
    for (const code of new Set(PROVIDERS.flatMap((p) => p.knownErrors.map((k) => k.failure)))) {
      expect(isLoginVerdict(code), code).toBe(!notAboutLogin.includes(code));
    }
    expect(isLoginVerdict('timeout')).toBe(false);
    expect(isLoginVerdict('unreachable')).toBe(false);
  });
});

describe('diagnose in a provider\'s words', () => {
  it('keeps the general text where the provider has none of its own', () => {
    expect(diagnose('auth_failed', 'login', { diagnoses: undefined })).toEqual(diagnose('auth_failed', 'login'));
    expect(diagnose('timeout', 'login', ICLOUD_MAIL)).toEqual(diagnose('timeout', 'login'));
  });

  it.each([
    [ICLOUD_MAIL, /app-specific password/, /alias/],
    [QQ_MAIL, /QQ password/, /IMAP\/SMTP/],
    [SOHU_MAIL, /separate password/, /IP-whitelist/],
    [NETEASE_ENTERPRISE, /确定/, /expired/],
  ] as const)('auth_failed for %s names its own causes', (provider, first, second) => {
    const d = diagnose('auth_failed', 'login', provider);
    const items = d.checklist.map((c) => c.en).join('\n');
    expect(items).toMatch(first);
    expect(items).toMatch(second);
    // None of NetEase's particulars leak into another provider's list.
    expect(items).not.toMatch(/126\.com/);
    expect(d.code).toBe('auth_failed');
    expect(d.guideStep).toBe(DIAGNOSES.auth_failed.guideStep);
  });

  it('still names the stage where it matters', () => {
    expect(diagnose('unexpected', 'examine', ICLOUD_MAIL).explanation.en).toContain(STAGE_LABELS.examine.en);
  });
});

describe('classifyServerReply', () => {
  it.each(CHECKED_ERRORS.map((k) => [k.sample, k] as const))('the provider sample %j maps to its code', (sample, known) => {
    const replyCode = /^\d{3}/.test(sample) ? Number(sample.slice(0, 3)) : undefined;
    const stage = known.protocol === 'imap' ? (known.failure === 'unsafe_login' ? 'examine' : 'login') : 'auth';
    expect(classifyServerReply({ protocol: known.protocol, stage, text: sample, replyCode }, KNOWN_ERRORS)).toBe(known.failure);
  });

  const generic: Array<[string, Parameters<typeof classifyServerReply>[0], FailureCode]> = [
    ['a refused IMAP LOGIN in anyone\'s words', { protocol: 'imap', stage: 'login', text: 'NO [AUTHENTICATIONFAILED] Authentication failed.', status: 'NO' }, 'auth_failed'],
    ['a BAD at LOGIN (a protocol problem, not the code)', { protocol: 'imap', stage: 'login', text: 'BAD Error in IMAP command', status: 'BAD' }, 'unexpected'],
    ['any 535', { protocol: 'smtp', stage: 'auth', text: '535 5.7.8 Username and Password not accepted', replyCode: 535 }, 'auth_failed'],
    ['a refused sender in anyone\'s words', { protocol: 'smtp', stage: 'mail_from', text: '553 5.7.1 Sender address rejected', replyCode: 553 }, 'sender_rejected'],
    ['NetEase\'s IP ban even at the greeting', { protocol: 'smtp', stage: 'greeting', text: '554 IP is rejected, smtp auth error limit exceed', replyCode: 554 }, 'ip_banned'],
    ['a 421 at EHLO', { protocol: 'smtp', stage: 'ehlo', text: '421 Service not available', replyCode: 421 }, 'unexpected'],
  ];
  it.each(generic)('%s', (_name, reply, code) => {
    expect(classifyServerReply(reply, KNOWN_ERRORS)).toBe(code);
  });
});

describe('classifyServerReply by the protocol\'s own codes (RFC 5530, RFC 4954)', () => {
  const imap = (text: string, responseCode?: string): Parameters<typeof classifyServerReply>[0] => ({
    protocol: 'imap',
    stage: 'login',
    text: `NO ${responseCode ? `[${responseCode}] ` : ''}${text}`,
    status: 'NO',
    ...(responseCode ? { responseCode } : {}),
  });
  const smtp = (replyCode: number, text: string): Parameters<typeof classifyServerReply>[0] => ({
    protocol: 'smtp',
    stage: 'auth',
    text: `${replyCode} ${text}`,
    replyCode,
  });
  // [reply, code, counted toward the lockout]
  const table: Array<[Parameters<typeof classifyServerReply>[0], FailureCode, boolean]> = [
    [imap('Login failed'), 'auth_failed', true],
    [imap('Authentication failed', 'AUTHENTICATIONFAILED'), 'auth_failed', true],
    [imap('Not allowed to log in', 'AUTHORIZATIONFAILED'), 'auth_failed', true],
    [imap('Password expired', 'EXPIRED'), 'auth_failed', true],
    [imap('Application-specific password required', 'ALERT'), 'auth_failed', true],
    [imap('Authentication failed', 'authenticationfailed'), 'auth_failed', true],
    [imap('Server is temporarily unavailable', 'UNAVAILABLE'), 'server_busy', false],
    [imap('Too many connections', 'LIMIT'), 'server_busy', false],
    [imap('Mailbox in use', 'INUSE'), 'server_busy', false],
    [imap('Internal error', 'SERVERBUG'), 'server_busy', false],
    [imap('Use TLS first', 'PRIVACYREQUIRED'), 'auth_setup_failed', false],
    [imap('Bad command', 'CLIENTBUG'), 'unexpected', false],
    [imap('Cannot', 'CANNOT'), 'unexpected', false],
    [imap('Ask your administrator', 'CONTACTADMIN'), 'unexpected', false],
    [imap('Something new', 'X-VENDOR-CODE'), 'unexpected', false],
    [smtp(535, '5.7.8 Authentication credentials invalid'), 'auth_failed', true],
    [smtp(530, '5.7.0 Must issue a STARTTLS command first'), 'auth_setup_failed', false],
    [smtp(534, '5.7.9 Authentication mechanism is too weak'), 'auth_setup_failed', false],
    [smtp(538, '5.7.11 Encryption required for requested authentication mechanism'), 'auth_setup_failed', false],
    [smtp(454, '4.7.0 Temporary authentication failure'), 'server_busy', false],
    [smtp(421, '4.3.2 Service not available, closing transmission channel'), 'server_busy', false],
    [smtp(432, '4.7.12 A password transition is needed'), 'server_busy', false],
    [smtp(500, '5.5.2 Syntax error, command unrecognized'), 'unexpected', false],
    [smtp(501, '5.5.4 Syntax error in parameters'), 'unexpected', false],
    [smtp(502, '5.5.1 Command not implemented'), 'unexpected', false],
    [smtp(504, '5.5.4 Unrecognized authentication type'), 'unexpected', false],
  ];
  it.each(table)('%j is %s (counted: %s)', (reply, code, counted) => {
    const got = classifyServerReply(reply, KNOWN_ERRORS);
    expect(got).toBe(code);
    expect(isLoginVerdict(got)).toBe(counted);
  });

  it('a provider\'s own texts still come first, whatever their reply code says', () => {
    const netease = [
      smtp(550, 'User has no permission'),
      smtp(451, 'Requested mail action not taken: too much fail authentication'),
      smtp(554, 'IP is rejected, smtp auth error limit exceed'),
    ].map((reply) => classifyServerReply(reply, KNOWN_ERRORS));
    expect(netease).toEqual(['smtp_not_enabled', 'ip_banned', 'ip_banned']);
    expect(classifyServerReply(imap('LOGIN Login error or password error'), KNOWN_ERRORS)).toBe('auth_failed');
  });

  it('the response code decides, not a word in the text', () => {
    expect(classifyServerReply(imap('[LIMIT] in the text only, AUTHENTICATIONFAILED too'), [])).toBe('auth_failed');
    expect(classifyServerReply(imap('Authentication failed', 'UNAVAILABLE'), [])).toBe('server_busy');
  });

  it('the codes these rules brought are explained but never counted, and never a ban', () => {
    for (const code of ['server_busy', 'auth_setup_failed', 'not_attempted'] as const) {
      expect(isLoginVerdict(code), code).toBe(false);
      expect(diagnose(code, 'auth').title.zh).toMatch(HAS_CJK);
    }
    expect(DIAGNOSES.not_attempted.explanation.en).toMatch(/incoming server \(IMAP\)/);
    expect(DIAGNOSES.server_busy.explanation.en).toMatch(/says nothing about whether the code is right/);
  });
});

describe('createRedactor', () => {
  const code = 'AbCdEfGhIjKlMnOp';
  const user = 'zhangsan@163.com';
  const redact = createRedactor(code, user);
  const b64 = (s: string) => Buffer.from(s).toString('base64');

  it.each([
    ['as typed', `LOGIN "${user}" "${code}"`],
    ['in another case', `wrong password ${code.toUpperCase()}`],
    ['in base64 (AUTH LOGIN)', `bad ${b64(code)}`],
    ['in base64 without padding', `bad ${b64(code).replace(/=+$/, '')}`],
    ['inside the AUTH PLAIN blob', `bad ${b64(`\u0000${user}\u0000${code}`)}`],
    ['inside an AUTH PLAIN blob with an authorization identity', `bad ${b64(`${user}\u0000${user}\u0000${code}`)}`],
  ])('removes the code %s', (_name, text) => {
    const out = redact(text);
    expect(out).toContain('[redacted]');
    expect(out.toLowerCase()).not.toContain(code.toLowerCase());
    expect(out).not.toContain(b64(code).replace(/=+$/, ''));
  });

  it('leaves text without the code alone', () => {
    expect(redact('535 Error: authentication failed')).toBe('535 Error: authentication failed');
  });
});

describe('countsTowardLimits', () => {
  it('counts verdicts on the login and logins left unanswered, never what failed before the secret went out', () => {
    expect(countsTowardLimits({ code: 'auth_failed', stage: 'login' })).toBe(true);
    expect(countsTowardLimits({ code: 'smtp_not_enabled', stage: 'mail_from' })).toBe(true);
    expect(countsTowardLimits({ code: 'timeout', stage: 'login' })).toBe(true);
    expect(countsTowardLimits({ code: 'unexpected', stage: 'auth' })).toBe(true);
    expect(countsTowardLimits({ code: 'aborted', stage: 'login' })).toBe(true);
    expect(countsTowardLimits({ code: 'timeout', stage: 'greeting' })).toBe(false);
    expect(countsTowardLimits({ code: 'unreachable', stage: 'connect' })).toBe(false);
    expect(countsTowardLimits({ code: 'tls_failed', stage: 'tls' })).toBe(false);
    expect(countsTowardLimits({ code: 'not_attempted', stage: 'auth' })).toBe(false);
    expect(countsTowardLimits({ code: 'no_auth_offered', stage: 'auth' })).toBe(false);
    expect(countsTowardLimits({ code: 'server_busy', stage: 'login' })).toBe(false);
    expect(countsTowardLimits({ code: 'auth_setup_failed', stage: 'auth' })).toBe(false);
  });
});

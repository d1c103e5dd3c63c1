import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '@/lib/providers/registry';
import { DIAGNOSES, STAGE_LABELS, classifyServerReply, createRedactor, diagnose } from './diagnosis';
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
    ['another permanent refusal of AUTH', { protocol: 'smtp', stage: 'auth', text: '534 5.7.9 Application-specific password required', replyCode: 534 }, 'auth_failed'],
    ['a temporary refusal of AUTH', { protocol: 'smtp', stage: 'auth', text: '454 4.7.0 Temporary authentication failure', replyCode: 454 }, 'unexpected'],
    ['a refused sender in anyone\'s words', { protocol: 'smtp', stage: 'mail_from', text: '553 5.7.1 Sender address rejected', replyCode: 553 }, 'sender_rejected'],
    ['NetEase\'s IP ban even at the greeting', { protocol: 'smtp', stage: 'greeting', text: '554 IP is rejected, smtp auth error limit exceed', replyCode: 554 }, 'ip_banned'],
    ['a 421 at EHLO', { protocol: 'smtp', stage: 'ehlo', text: '421 Service not available', replyCode: 421 }, 'unexpected'],
  ];
  it.each(generic)('%s', (_name, reply, code) => {
    expect(classifyServerReply(reply, KNOWN_ERRORS)).toBe(code);
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

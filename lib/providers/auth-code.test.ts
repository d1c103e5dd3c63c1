import { describe, expect, it } from 'vitest';
import { ISSUE_MESSAGES } from '@/lib/i18n/messages/issues';
import { acceptSecret, assertAuthCode, assessAuthCode, authCodeSchema, cleanSecret, MAX_AUTH_CODE_LENGTH, normalizeAuthCode, type AuthCode } from './auth-code';
import { ICLOUD_MAIL } from './icloud';
import { MANUAL_PROVIDER } from './manual';
import { NETEASE_PERSONAL } from './netease';
import { NETEASE_ENTERPRISE } from './netease-enterprise';
import { QQ_MAIL } from './qq';
import { SOHU_MAIL } from './sohu';
import type { MailProvider } from './types';

describe('normalizeAuthCode', () => {
  it('strips spaces, line breaks and zero-width characters and keeps case', () => {
    expect(normalizeAuthCode('abcd efgh\nIJKL\u200bmnop')).toBe('abcdefghIJKLmnop');
  });

  it.each([
    ['tabs and carriage returns', '\tABCD\r\nEFGH\tIJKL MNOP\r\n', 'ABCDEFGHIJKLMNOP'],
    ['ideographic and no-break spaces', 'abcd\u3000efgh\u00a0ijkl\u2009mnop', 'abcdefghijklmnop'],
    ['joiners, word joiner and BOM', '\ufeffab\u200ccd\u200def\u2060gh', 'abcdefgh'],
    ['a soft hyphen and bidi marks', 'ab\u00adcd\u200eef\u200fgh\u202aij\u202ckl\u2066mn\u2069op', 'abcdefghijklmnop'],
    ['full-width letters typed with a Chinese input method', 'ＡｂＣｄ ｅｆｇｈ', 'AbCdefgh'],
    ['full-width digits and hyphens', '１２３４－ａｂ', '1234-ab'],
  ])('handles %s', (_label, input, expected) => {
    expect(normalizeAuthCode(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = normalizeAuthCode(' Ａbcd\u200b efgh ');
    expect(normalizeAuthCode(once)).toBe(once);
  });

  it('is idempotent when a stripped character leaves a letter beside a combining mark, so the save accepts what the check sent', () => {
    // e + zero-width space + combining acute: folding alone gives "é" only once the space is gone.
    const typed = 'abce\u200b\u0301efghijklmnop';
    const once = normalizeAuthCode(typed);
    expect(once).toBe('abc\u00e9efghijklmnop');
    expect(normalizeAuthCode(once)).toBe(once);
    const accepted = acceptSecret(typed, NETEASE_PERSONAL);
    expect(accepted.ok).toBe(true);
    if (accepted.ok) expect(assertAuthCode(accepted.secret, NETEASE_PERSONAL)).toBe(once);
  });
});

describe('assessAuthCode for NetEase', () => {
  it.each(['ABCDEFGHIJKLMNOP', 'abcdefghijklmnop', 'AbCdEfGhIjKlMnOp'])('accepts 16 letters in any case: %s', (code) => {
    expect(assessAuthCode(code, NETEASE_PERSONAL)).toEqual({
      length: 16,
      expectedLength: 16,
      looksValid: true,
      warnings: [],
    });
  });

  it('assesses the code as it will be sent, after normalisation', () => {
    expect(assessAuthCode('abcd efgh\nIJKL\u200bmnop', NETEASE_PERSONAL)).toMatchObject({ length: 16, looksValid: true });
  });

  it('warns about a letter lost in copying without calling it a password', () => {
    expect(assessAuthCode('abcdefghijklmno', NETEASE_PERSONAL)).toEqual({
      length: 15,
      expectedLength: 16,
      looksValid: false,
      warnings: ['wrong_length'],
    });
  });

  it('warns that a typical web password looks like one', () => {
    expect(assessAuthCode('Zhangsan1990!', NETEASE_PERSONAL).warnings).toEqual([
      'wrong_length',
      'non_letters',
      'looks_like_password',
    ]);
  });

  it('treats 16 characters mixing letters and digits as password-like', () => {
    expect(assessAuthCode('abcdefgh12345678', NETEASE_PERSONAL).warnings).toEqual(['non_letters', 'looks_like_password']);
  });

  it('treats a short letters-only entry as password-like by its length', () => {
    expect(assessAuthCode('zhangsan', NETEASE_PERSONAL).warnings).toEqual(['wrong_length', 'looks_like_password']);
  });

  it('does not call an empty entry a password', () => {
    expect(assessAuthCode('  \u200b', NETEASE_PERSONAL)).toEqual({
      length: 0,
      expectedLength: 16,
      looksValid: false,
      warnings: ['wrong_length'],
    });
  });
});

describe('assessAuthCode for other credential formats', () => {
  const grouped: Pick<MailProvider, 'credential'> = {
    credential: { name: { zh: 'App 专用密码', en: 'app-specific password' }, kind: 'code', format: { length: 16, separator: '-' }, shownOnce: true },
  };
  const unknownFormat: Pick<MailProvider, 'credential'> = {
    credential: { name: { zh: '独立密码', en: 'separate password' }, kind: 'password', shownOnce: true },
  };

  it('does not count the separator of a grouped code', () => {
    expect(assessAuthCode('abcd-efgh-ijkl-mnop', grouped)).toMatchObject({ length: 16, looksValid: true });
    expect(assessAuthCode('abcdefghijklmnop', grouped)).toMatchObject({ length: 16, looksValid: true });
  });

  it('still flags the separator as a non-letter where the format has none', () => {
    expect(assessAuthCode('abcd-efgh-ijkl-mnop', NETEASE_PERSONAL).warnings).toContain('non_letters');
  });

  it('gives no format warnings when the format is unknown', () => {
    expect(assessAuthCode('Zhangsan1990!', unknownFormat)).toEqual({
      length: 13,
      expectedLength: null,
      looksValid: true,
      warnings: [],
    });
  });
});

describe('which secrets are codes', () => {
  it('cleans only the credentials made by the provider in a known format', () => {
    const kinds = Object.fromEntries(
      [NETEASE_PERSONAL, NETEASE_ENTERPRISE, QQ_MAIL, ICLOUD_MAIL, SOHU_MAIL, MANUAL_PROVIDER].map((p) => [p.id, p.credential.kind]),
    );
    expect(kinds).toEqual({
      netease: 'code',
      'netease-enterprise': 'code',
      qq: 'code',
      icloud: 'code',
      sohu: 'password',
      manual: 'password',
    });
  });
});

// What a person may choose as a mailbox password: spaces inside and at the ends, full-width
// letters and digits from a Chinese input method, an ideographic space, and ASCII symbols.
const TYPED_PASSWORD = '  correct horse ｐａｓｓ１２３\u3000!@#$%^&*()_+-=[]{};\':",./<>?\\|`~ 密码 ';

describe('cleanSecret', () => {
  it.each([NETEASE_PERSONAL, NETEASE_ENTERPRISE, QQ_MAIL, ICLOUD_MAIL])('cleans a $id code of everything a copy brings along', (provider) => {
    expect(cleanSecret(' abcd efgh\r\nIJKL\u200bmnop\n', provider.credential.kind)).toBe('abcdefghIJKLmnop');
    expect(cleanSecret('ａｂｃｄ－ｅｆｇｈ', provider.credential.kind)).toBe('abcd-efgh');
  });

  it.each([SOHU_MAIL, MANUAL_PROVIDER])('keeps a $id password exactly as typed: spaces, full-width characters and symbols', (provider) => {
    expect(cleanSecret(TYPED_PASSWORD, provider.credential.kind)).toBe(TYPED_PASSWORD);
    expect(cleanSecret('correct horse battery staple', provider.credential.kind)).toBe('correct horse battery staple');
    expect(cleanSecret('ｐａｓｓ１２３', provider.credential.kind)).toBe('ｐａｓｓ１２３');
    expect(cleanSecret('\ttab\tand\u00a0no-break\u00a0space\t', provider.credential.kind)).toBe('\ttab\tand\u00a0no-break\u00a0space\t');
  });

  it.each([
    ['a line break after a triple-click copy', 'pass word\n', 'pass word'],
    ['Windows line breaks at both ends', '\r\npass word\r\n', 'pass word'],
    ['a zero-width space and a BOM from a web page', '\ufeff\u200bpass word\u200b', 'pass word'],
    ['joiners and a word joiner mixed with a line break', '\u200c\u2060pass word\u200d\r\n', 'pass word'],
    ['outer spaces, which are kept, outside a line break', ' pass word \n', ' pass word '],
    ['a zero-width character inside, which is kept', 'pass\u200bword', 'pass\u200bword'],
  ])('drops only what a paste leaves at the ends of a password: %s', (_label, typed, sent) => {
    expect(cleanSecret(typed, MANUAL_PROVIDER.credential.kind)).toBe(sent);
    expect(cleanSecret(typed, SOHU_MAIL.credential.kind)).toBe(sent);
  });

  it('is idempotent for both kinds, so the browser, the action and the check may each apply it', () => {
    for (const provider of [NETEASE_PERSONAL, MANUAL_PROVIDER]) {
      const once = cleanSecret(`\u200b${TYPED_PASSWORD}\r\n`, provider.credential.kind);
      expect(cleanSecret(once, provider.credential.kind)).toBe(once);
    }
  });
});

describe('acceptSecret', () => {
  it('accepts a password as typed and a code as cleaned', () => {
    expect(acceptSecret(`${TYPED_PASSWORD}\n`, MANUAL_PROVIDER)).toEqual({ ok: true, secret: TYPED_PASSWORD });
    expect(acceptSecret(' qwer tyui\nopas dfgh ', QQ_MAIL)).toEqual({ ok: true, secret: 'qwertyuiopasdfgh' });
  });

  it.each(['pass\nword', 'pass\r\nword', 'pass\rword', 'pass\u0000word'])('refuses a password with %j inside, which no mail command can carry', (typed) => {
    const result = acceptSecret(typed, SOHU_MAIL);
    expect(result).toMatchObject({ ok: false, problem: 'unsendable', issue: 'password.unsendable' });
    expect(ISSUE_MESSAGES.zh['password.unsendable']).toContain('换行');
    expect(ISSUE_MESSAGES.en['password.unsendable']).toMatch(/line break/);
  });

  it('takes a line break inside a code as part of the copy, not of the code', () => {
    expect(acceptSecret('abcd\nefgh', NETEASE_PERSONAL)).toEqual({ ok: true, secret: 'abcdefgh' });
  });

  it.each([
    ['nothing', ''],
    ['spaces only', '   '],
    ['line breaks and invisible characters', '\r\n\u200b\ufeff\n'],
    ['an ideographic space and tabs', '\u3000\t\t'],
  ])('refuses %s as empty, for a password as for a code', (_label, typed) => {
    expect(acceptSecret(typed, MANUAL_PROVIDER)).toMatchObject({ ok: false, problem: 'empty', issue: 'password.empty' });
    expect(acceptSecret(typed, NETEASE_PERSONAL)).toMatchObject({ ok: false, problem: 'empty', issue: 'code.empty' });
    expect(ISSUE_MESSAGES.en['password.empty']).toBe('Please enter the password.');
    expect(ISSUE_MESSAGES.en['code.empty']).toBe('Please paste the code.');
  });

  it('counts a password’s spaces toward its length', () => {
    const spaced = `${'a '.repeat(MAX_AUTH_CODE_LENGTH / 2)}`;
    expect(acceptSecret(spaced, MANUAL_PROVIDER).ok).toBe(true);
    expect(acceptSecret(`${spaced}a`, MANUAL_PROVIDER)).toMatchObject({ ok: false, problem: 'too_long' });
    // A code loses them first.
    expect(acceptSecret(`${spaced}a`, NETEASE_PERSONAL).ok).toBe(true);
  });
});

describe('assertAuthCode', () => {
  it('takes a secret as its provider took it, and throws for one that was never accepted', () => {
    const accepted = acceptSecret(' abcd efgh ', NETEASE_PERSONAL);
    if (!accepted.ok) throw new Error('unreachable');
    expect(assertAuthCode(accepted.secret, NETEASE_PERSONAL)).toBe('abcdefgh');
    expect(() => assertAuthCode('abcd efgh' as AuthCode, NETEASE_PERSONAL)).toThrow(TypeError);
    expect(() => assertAuthCode('' as AuthCode, MANUAL_PROVIDER)).toThrow(TypeError);
  });
});

describe('authCodeSchema', () => {
  const codeSchema = authCodeSchema('code');

  it('outputs the normalised code', () => {
    expect(codeSchema.parse(' abcd efgh\nIJKL\u200bmnop ')).toBe('abcdefghIJKLmnop');
  });

  it('does not block a code that only draws warnings', () => {
    expect(codeSchema.parse('Zhangsan1990!')).toBe('Zhangsan1990!');
  });

  it('rejects an entry that is empty once invisible characters are gone', () => {
    const result = codeSchema.safeParse(' \u200b\n\ufeff ');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('code.empty');
    expect(ISSUE_MESSAGES.zh['code.empty']).toContain('授权码');
  });

  it('rejects more than the maximum length, as an issue whose words give that maximum in both languages', () => {
    expect(codeSchema.safeParse('a'.repeat(MAX_AUTH_CODE_LENGTH)).success).toBe(true);
    const result = codeSchema.safeParse('a'.repeat(MAX_AUTH_CODE_LENGTH + 1));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('code.too_long');
    for (const words of [ISSUE_MESSAGES.zh, ISSUE_MESSAGES.en]) {
      expect(words['code.too_long']).toContain(String(MAX_AUTH_CODE_LENGTH));
      expect(words['password.too_long']).toContain(String(MAX_AUTH_CODE_LENGTH));
    }
  });

  it('outputs a password as typed and refuses one with a line break inside, in the password’s words', () => {
    expect(authCodeSchema('password').parse(`\u200b${TYPED_PASSWORD}\r\n`)).toBe(TYPED_PASSWORD);
    const broken = authCodeSchema('password').safeParse('first line\nsecond line');
    expect(broken.error?.issues[0]?.message).toBe('password.unsendable');
    expect(authCodeSchema('password').safeParse('  ').error?.issues[0]?.message).toBe('password.empty');
    expect(ISSUE_MESSAGES.zh['password.empty']).toBe('请填写密码。');
  });

  it('before the provider is known, keeps the text as typed but for its ends and refuses only what both kinds refuse', () => {
    const unknown = authCodeSchema();
    expect(unknown.parse(`${TYPED_PASSWORD}\n`)).toBe(TYPED_PASSWORD);
    // Either kind may still follow: a code with a line break inside, a password with spaces.
    expect(unknown.parse('abcd\nefgh')).toBe('abcd\nefgh');
    expect(unknown.safeParse(' \u200b\n').success).toBe(false);
    // Too long only when even a code's cleaning leaves too much.
    expect(unknown.safeParse(`${'a '.repeat(MAX_AUTH_CODE_LENGTH)}`).success).toBe(true);
    expect(unknown.safeParse('a'.repeat(MAX_AUTH_CODE_LENGTH + 1)).success).toBe(false);
  });

  it('gives what the provider’s own cleaning gives, whichever kind the provider turns out to be', () => {
    const typed = `\u200b ${TYPED_PASSWORD} abcd\u00a0efgh\r\n`;
    const early = authCodeSchema().parse(typed);
    for (const provider of [NETEASE_PERSONAL, ICLOUD_MAIL, SOHU_MAIL, MANUAL_PROVIDER]) {
      expect(cleanSecret(early, provider.credential.kind)).toBe(cleanSecret(typed, provider.credential.kind));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { assessAuthCode, authCodeSchema, createAuthCodeSchema, MAX_AUTH_CODE_LENGTH, normalizeAuthCode } from './auth-code';
import { NETEASE_PERSONAL } from './netease';
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
    credential: { name: { zh: 'App 专用密码', en: 'app-specific password' }, format: { length: 16, separator: '-' }, shownOnce: true },
  };
  const unknownFormat: Pick<MailProvider, 'credential'> = {
    credential: { name: { zh: '独立密码', en: 'separate password' }, shownOnce: true },
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

describe('authCodeSchema', () => {
  it('outputs the normalised code', () => {
    expect(authCodeSchema.parse(' abcd efgh\nIJKL\u200bmnop ')).toBe('abcdefghIJKLmnop');
  });

  it('does not block a code that only draws warnings', () => {
    expect(authCodeSchema.parse('Zhangsan1990!')).toBe('Zhangsan1990!');
  });

  it('rejects an entry that is empty once invisible characters are gone', () => {
    const result = authCodeSchema.safeParse(' \u200b\n\ufeff ');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('授权码');
  });

  it('rejects more than the maximum length, in the chosen language', () => {
    expect(authCodeSchema.safeParse('a'.repeat(MAX_AUTH_CODE_LENGTH)).success).toBe(true);
    const result = createAuthCodeSchema('en').safeParse('a'.repeat(MAX_AUTH_CODE_LENGTH + 1));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(String(MAX_AUTH_CODE_LENGTH));
  });
});

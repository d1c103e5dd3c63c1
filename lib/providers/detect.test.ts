import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMailAddressSchema, detectProvider, mailAddressSchema, normalizeAddress } from './detect';

describe('normalizeAddress', () => {
  it.each([
    ['full-width characters from a Chinese input method', 'ｚｈａｎｇｓａｎ＠１６３．ｃｏｍ', 'zhangsan@163.com'],
    ['surrounding spaces and upper case', '  LiSi@126.COM ', 'lisi@126.com'],
    ['an ideographic full stop in the domain', 'wang@yeah。net', 'wang@yeah.net'],
    ['a half-width ideographic full stop', 'wang@yeah｡net', 'wang@yeah.net'],
    ['zero-width characters pasted from a chat app', '\u200bzhang\u200csan\u200d@\u2060163.com\ufeff', 'zhangsan@163.com'],
    ['a soft hyphen and bidi marks', 'zhang\u00adsan\u200e@163.com\u202c', 'zhangsan@163.com'],
    ['ideographic and no-break spaces around it', '\u3000\u00a0zhangsan@163.com\u3000\n', 'zhangsan@163.com'],
    ['full-width hyphen and underscore', 'ｚｈａｎｇ＿ｓａｎ－１＠１２６．ｃｏｍ', 'zhang_san-1@126.com'],
    ['mixed-case local part', 'ZhangSan@VIP.163.com', 'zhangsan@vip.163.com'],
  ])('accepts %s', (_label, input, expected) => {
    const result = normalizeAddress(input);
    expect(result).toEqual({
      ok: true,
      address: expected,
      localPart: expected.split('@')[0],
      domain: expected.split('@')[1],
    });
  });

  it.each([
    ['', 'empty', 'empty'],
    ['   \u3000\u200b ', 'empty', 'empty'],
    ['foo@', 'not_an_address', 'empty_domain'],
    ['@163.com', 'not_an_address', 'empty_local_part'],
    ['a@b@c.com', 'not_an_address', 'multiple_at'],
    ['foo 163.com', 'not_an_address', 'missing_at'],
    ['zhangsan', 'not_an_address', 'missing_at'],
    ['zhang san@163.com', 'not_an_address', 'contains_space'],
    ['zhangsan@163 .com', 'not_an_address', 'contains_space'],
    ['zhangsan@163', 'not_an_address', 'domain_without_dot'],
    ['张三@163.com', 'not_an_address', 'non_ascii_local_part'],
    ['zhang<san>@163.com', 'not_an_address', 'invalid_local_part'],
    ['.zhangsan@163.com', 'not_an_address', 'invalid_local_part'],
    ['zhang..san@163.com', 'not_an_address', 'invalid_local_part'],
    ['zhangsan@163..com', 'not_an_address', 'invalid_domain'],
    ['zhangsan@-163.com', 'not_an_address', 'invalid_domain'],
    ['zhangsan@163_mail.com', 'not_an_address', 'invalid_domain'],
    ['zhangsan@163.com.', 'not_an_address', 'invalid_domain'],
    ['zhangsan@10.0.0.1', 'not_an_address', 'invalid_domain'],
    [`${'a'.repeat(65)}@163.com`, 'too_long', 'local_part_too_long'],
    [`zhangsan@${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.com`, 'too_long', 'too_long'],
  ])('rejects %j as %s (%s)', (input, error, problem) => {
    const result = normalizeAddress(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe(error);
    expect(result.problem).toBe(problem);
    expect(result.message.zh).not.toBe('');
    expect(result.message.en).not.toBe('');
  });

  it('accepts an address of exactly 254 characters', () => {
    const address = `zhangsan@${'a'.repeat(61)}.${'b'.repeat(61)}.${'c'.repeat(61)}.${'d'.repeat(55)}.com`;
    expect(address).toHaveLength(254);
    expect(normalizeAddress(address).ok).toBe(true);
    expect(normalizeAddress(`${address}x`)).toMatchObject({ ok: false, error: 'too_long' });
  });

  it('tells the user which part to fix, in both languages', () => {
    const result = normalizeAddress('foo@');
    expect(result).toMatchObject({ ok: false, message: { zh: expect.stringContaining('域名'), en: expect.stringContaining('domain') } });
  });
});

describe('detectProvider', () => {
  const ports = { imap: 993, smtp: 465, pop3: 995 };

  it.each([
    ['163.com', true, 'https://mail.163.com'],
    ['126.com', true, 'https://mail.126.com'],
    ['yeah.net', true, 'https://mail.yeah.net'],
    ['188.com', false, 'https://mail.188.com'],
    ['vip.163.com', false, 'https://vip.163.com'],
    ['vip.126.com', false, 'https://vip.126.com'],
    ['vip.188.com', false, 'https://vip.188.com'],
  ])('finds NetEase for @%s with its own servers (confirmed: %s)', (domain, confirmed, webmailUrl) => {
    const result = detectProvider(`Zhang.San@${domain.toUpperCase()}`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const address = `zhang.san@${domain}`;
    expect(result.address).toBe(address);
    expect(result.domain).toBe(domain);
    expect(result.provider.id).toBe('netease');
    expect(result.domainInfo).toMatchObject({ domain, confirmed, webmailUrl });
    expect(result.endpoints).toEqual({
      imap: { host: `imap.${domain}`, port: ports.imap, tls: 'implicit' },
      smtp: { host: `smtp.${domain}`, port: ports.smtp, tls: 'implicit' },
      pop3: { host: `pop.${domain}`, port: ports.pop3, tls: 'implicit' },
    });
    expect(result.username).toEqual({ imap: address, smtp: address, pop3: address });
  });

  it.each(['126.com', 'yeah.net', '188.com', 'vip.163.com', 'vip.126.com', 'vip.188.com'])(
    'offers the 163.com servers as the alternative for @%s',
    (domain) => {
      const result = detectProvider(`lisi@${domain}`);
      if (!result.ok) throw new Error(`expected @${domain} to be detected`);
      expect(result.alternatives).toEqual([
        {
          imap: { host: 'imap.163.com', port: 993, tls: 'implicit' },
          smtp: { host: 'smtp.163.com', port: 465, tls: 'implicit' },
          pop3: { host: 'pop.163.com', port: 995, tls: 'implicit' },
        },
      ]);
      // The UI needs the reason there are two choices, in both languages.
      expect(result.provider.hostNote?.zh).toContain('imap.163.com');
      expect(result.provider.hostNote?.en).toContain('126.com');
    },
  );

  it('offers no alternative for @163.com itself', () => {
    const result = detectProvider('zhangsan@163.com');
    expect(result).toMatchObject({ ok: true, alternatives: [] });
  });

  it('detects from full-width input', () => {
    const result = detectProvider('ｚｈａｎｇｓａｎ＠１６３．ｃｏｍ');
    expect(result).toMatchObject({
      ok: true,
      address: 'zhangsan@163.com',
      endpoints: { imap: { host: 'imap.163.com' } },
      domainInfo: { domain: '163.com', confirmed: true },
    });
  });

  it('marks vip.163.com as unconfirmed', () => {
    expect(detectProvider('boss@vip.163.com')).toMatchObject({
      ok: true,
      domainInfo: { domain: 'vip.163.com', confirmed: false },
      endpoints: { imap: { host: 'imap.vip.163.com' } },
    });
  });

  it('reports an unknown provider with the normalised address kept', () => {
    const result = detectProvider(' Someone@GMAIL.com ');
    expect(result).toMatchObject({
      ok: false,
      error: 'unknown_provider',
      address: 'someone@gmail.com',
      domain: 'gmail.com',
    });
    if (result.ok) return;
    expect(result.message.zh).toContain('手动');
    expect(result.message.en).toContain('servers');
  });

  it('does not mistake a look-alike domain for NetEase', () => {
    expect(detectProvider('a@mail.163.com')).toMatchObject({ ok: false, error: 'unknown_provider' });
    expect(detectProvider('a@163.com.cn')).toMatchObject({ ok: false, error: 'unknown_provider' });
  });

  it('reports an invalid address with the reason', () => {
    expect(detectProvider('foo 163.com')).toMatchObject({ ok: false, error: 'invalid_address', problem: 'missing_at' });
    expect(detectProvider('')).toMatchObject({ ok: false, error: 'invalid_address', problem: 'empty' });
  });
});

describe('mailAddressSchema', () => {
  it('outputs the normalised address', () => {
    expect(mailAddressSchema.parse('  ＬｉＳｉ＠１２６．ＣＯＭ\u200b ')).toBe('lisi@126.com');
  });

  it('fails with a Chinese message and the codes in params', () => {
    const result = mailAddressSchema.safeParse('a@b@c.com');
    expect(result.success).toBe(false);
    if (result.success) return;
    const [issue] = result.error.issues;
    expect(issue?.message).toContain('@');
    expect(issue?.message).toMatch(/[\u4e00-\u9fff]/u);
    expect(issue).toMatchObject({ code: 'custom', params: { error: 'not_an_address', problem: 'multiple_at' } });
  });

  it('can speak English', () => {
    const result = createMailAddressSchema('en').safeParse('');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Please enter your email address.');
  });

  it('rejects non-strings', () => {
    expect(mailAddressSchema.safeParse(163).success).toBe(false);
  });

  it('reports a field error inside a form schema', () => {
    const form = z.object({ address: mailAddressSchema });
    expect(form.parse({ address: 'Wang@Yeah。Net' })).toEqual({ address: 'wang@yeah.net' });
    const result = form.safeParse({ address: '@163.com' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(z.flattenError(result.error).fieldErrors.address).toHaveLength(1);
  });
});

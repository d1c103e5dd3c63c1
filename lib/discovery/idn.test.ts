import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from '@/lib/zod';
import { createConnectMailboxSchema } from '@/lib/accounts/schema';
import { ISSUE_MESSAGES } from '@/lib/i18n/messages/issues';
import { createMailAddressSchema, detectProvider, normalizeAddress } from '@/lib/providers/detect';
import { domainAsTyped, shownAddress, shownDomain, toAsciiDomain } from './idn';
import { addressForDisplay } from './idn-display';

// Internationalised domains in the shared address schema (browser and server): the ASCII form
// for DNS, TLS and the login, the typed form for the reader, and a clear refusal of a local part
// that is not ASCII.

describe('toAsciiDomain', () => {
  const CORPUS = [
    '例子.公司',
    'bücher.example',
    'BÜCHER.example',
    'faß.de',
    'ｅｘａｍｐｌｅ.中国',
    '例子。公司',
    'müller.com.cn',
    'пример.рф',
    'xn--bcher-kva.example',
    'plain.example',
  ];

  it.each(CORPUS)('gives %s the same ASCII form as node:url’s domainToASCII', (domain) => {
    expect(toAsciiDomain(domain)).toBe(domainToASCII(domain));
  });

  it('refuses what is no domain', () => {
    for (const text of ['例子.123', '例子 .公司', '例/子.公司', '例子.公司:993', '例子.[::1]', '例@子.公司']) expect(toAsciiDomain(text)).toBeUndefined();
  });
});

describe('normalizeAddress with an internationalised domain', () => {
  it.each([
    ['li@例子.公司', 'li@xn--fsqu00a.xn--55qx5d', 'xn--fsqu00a.xn--55qx5d'],
    ['LI@BÜCHER.example', 'li@xn--bcher-kva.example', 'xn--bcher-kva.example'],
    // A Chinese input method: full-width letters and "@", the ideographic full stop.
    ['ｌｉ＠例子。公司', 'li@xn--fsqu00a.xn--55qx5d', 'xn--fsqu00a.xn--55qx5d'],
    ['wang@müller.com.cn', 'wang@xn--mller-kva.com.cn', 'xn--mller-kva.com.cn'],
  ])('turns %s into %s for DNS, TLS and the login', (typed, address, domain) => {
    expect(normalizeAddress(typed)).toEqual({ ok: true, address, localPart: address.slice(0, address.indexOf('@')), domain });
    // The same address as typed in ASCII: one account, whichever way it is written.
    expect(normalizeAddress(address)).toMatchObject({ ok: true, address });
  });

  it('still refuses a domain that is no domain, and names the problem', () => {
    expect(normalizeAddress('li@例子.123')).toMatchObject({ ok: false, problem: 'invalid_domain' });
    expect(normalizeAddress('li@例子')).toMatchObject({ ok: false, problem: 'domain_without_dot' });
    expect(normalizeAddress('li@例子 .公司')).toMatchObject({ ok: false, problem: 'contains_space' });
  });

  it('leaves an unlisted IDN domain to discovery (no provider), with the ASCII domain', () => {
    expect(detectProvider('li@例子.公司')).toMatchObject({ ok: false, error: 'unknown_provider', domain: 'xn--fsqu00a.xn--55qx5d', address: 'li@xn--fsqu00a.xn--55qx5d' });
  });
});

describe('a local part with non-ASCII characters', () => {
  it.each(['张三@163.com', '张三@例子.公司', 'müller@example.com', 'liéwei@example.com'])('is refused with its own message: %s', (typed) => {
    const result = normalizeAddress(typed);
    expect(result).toMatchObject({ ok: false, error: 'not_an_address', problem: 'non_ascii_local_part' });
    expect(!result.ok && result.message).toEqual({
      zh: ISSUE_MESSAGES.zh['address.non_ascii_local_part'],
      en: ISSUE_MESSAGES.en['address.non_ascii_local_part'],
    });
  });

  it('is said in both languages, by both schemas the client and server share', () => {
    expect(ISSUE_MESSAGES.zh['address.non_ascii_local_part']).toMatch(/汉字/);
    expect(ISSUE_MESSAGES.en['address.non_ascii_local_part']).toMatch(/Chinese/);
    const zh = createMailAddressSchema('zh').safeParse('张三@例子.公司');
    const en = createMailAddressSchema('en').safeParse('张三@例子.公司');
    expect(!zh.success && zh.error.issues[0]?.message).toBe(ISSUE_MESSAGES.zh['address.non_ascii_local_part']);
    expect(!en.success && en.error.issues[0]?.message).toBe(ISSUE_MESSAGES.en['address.non_ascii_local_part']);
    // The wizard's submit: the issue code the form words.
    const connect = createConnectMailboxSchema().safeParse({ address: '张三@例子.公司', code: 'abcdefghijklmnop' });
    expect(connect.success ? {} : z.flattenError(connect.error).fieldErrors.address).toEqual(['address.non_ascii_local_part']);
    // And an IDN domain with an ASCII local part passes it, in the ASCII form.
    const ok = createConnectMailboxSchema().safeParse({ address: 'li@例子.公司', code: 'abcdefghijklmnop' });
    expect(ok.success && ok.data.address).toBe('li@xn--fsqu00a.xn--55qx5d');
  });
});

describe('showing the domain as typed', () => {
  it('shows the typed form of the domain the schema converted, and the ASCII form once the text moved on', () => {
    expect(domainAsTyped(' LI@BÜCHER.Example ')).toBe('bücher.example');
    expect(shownDomain('xn--fsqu00a.xn--55qx5d', 'li@例子。公司')).toBe('例子.公司');
    expect(shownAddress('li@xn--fsqu00a.xn--55qx5d', 'li@例子.公司')).toBe('li@例子.公司');
    expect(shownAddress('li@xn--fsqu00a.xn--55qx5d', 'li@xn--fsqu00a.xn--55qx5d')).toBe('li@xn--fsqu00a.xn--55qx5d');
    expect(shownDomain('xn--fsqu00a.xn--55qx5d', 'li@other.com')).toBe('xn--fsqu00a.xn--55qx5d');
    expect(shownAddress('li@163.com', 'LI@163.COM')).toBe('li@163.com');
  });
});

describe('addressForDisplay (server pages without the typed text)', () => {
  it('shows an xn-- domain in Unicode and leaves everything else alone', () => {
    expect(addressForDisplay('li@xn--fsqu00a.xn--55qx5d')).toBe('li@例子.公司');
    expect(addressForDisplay('li@xn--bcher-kva.example')).toBe('li@bücher.example');
    expect(addressForDisplay('li@163.com')).toBe('li@163.com');
    expect(addressForDisplay('not an address')).toBe('not an address');
  });
});

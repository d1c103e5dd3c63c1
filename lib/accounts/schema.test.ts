import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { connectMailboxSchema, createConnectMailboxSchema } from '@/lib/accounts/schema';
import { issueText } from '@/lib/i18n/issue-text';

describe('connectMailboxSchema', () => {
  it('normalises the address and, for a provider whose secret is a code, the pasted code', () => {
    const parsed = createConnectMailboxSchema('code').safeParse({ address: '  ZhangSan@163.COM ', code: 'abcd efgh\u200b ijkl\nmnop' });
    expect(parsed.success && parsed.data).toEqual({ address: 'zhangsan@163.com', code: 'abcdefghijklmnop' });
  });

  it('keeps a password as typed, and leaves the code to the check while the provider is not known', () => {
    const typed = ' correct horse ｐａｓｓ１２３ !@# ';
    const asPassword = createConnectMailboxSchema('password').safeParse({ address: 'zhou@selfhosted.test', code: `${typed}\r\n` });
    expect(asPassword.success && asPassword.data.code).toBe(typed);
    // The server action: which provider hosts the domain may take an MX lookup, so the check cleans.
    const early = connectMailboxSchema.safeParse({ address: 'zhangsan@163.com', code: `\u200b${typed}` });
    expect(early.success && early.data.code).toBe(typed);
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    ['1', 1],
    [0, 0],
  ])('reads the alternative %j as %j', (alternative, expected) => {
    const parsed = connectMailboxSchema.safeParse({ address: 'a@163.com', code: 'abcdefghijklmnop', alternative });
    expect(parsed.success && parsed.data.alternative).toBe(expected);
  });

  it.each(['x', '-1', '1.5', 99])('refuses the alternative %j', (alternative) => {
    expect(connectMailboxSchema.safeParse({ address: 'a@163.com', code: 'abcdefghijklmnop', alternative }).success).toBe(false);
  });

  it('reports problems per field as issue codes, which the form words in the reader’s language', () => {
    const parsed = connectMailboxSchema.safeParse({ address: 'no-at-sign', code: ' \u200b ' });
    expect(parsed.success).toBe(false);
    const fields = z.flattenError(parsed.error!).fieldErrors;
    expect(fields).toEqual({ address: ['address.missing_at'], code: ['code.empty'] });
    expect(issueText(fields.address![0]!, 'zh')).toMatch(/@/);
    expect(issueText(fields.code![0]!, 'zh')).toMatch(/授权码/);
    const empty = createConnectMailboxSchema().safeParse({ address: 'a@163.com', code: '' });
    expect(issueText(z.flattenError(empty.error!).fieldErrors.code![0]!, 'en')).toMatch(/paste/i);
  });
});

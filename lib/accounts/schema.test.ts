import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { connectMailboxSchema, createConnectMailboxSchema } from '@/lib/accounts/schema';

describe('connectMailboxSchema', () => {
  it('normalises the address and, for a provider whose secret is a code, the pasted code', () => {
    const parsed = createConnectMailboxSchema('zh', 'code').safeParse({ address: '  ZhangSan@163.COM ', code: 'abcd efgh\u200b ijkl\nmnop' });
    expect(parsed.success && parsed.data).toEqual({ address: 'zhangsan@163.com', code: 'abcdefghijklmnop' });
  });

  it('keeps a password as typed, and leaves the code to the check while the provider is not known', () => {
    const typed = ' correct horse ｐａｓｓ１２３ !@# ';
    const asPassword = createConnectMailboxSchema('zh', 'password').safeParse({ address: 'zhou@selfhosted.test', code: `${typed}\r\n` });
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

  it('reports problems per field, in the requested language', () => {
    const zh = connectMailboxSchema.safeParse({ address: 'no-at-sign', code: ' \u200b ' });
    expect(zh.success).toBe(false);
    const fields = z.flattenError(zh.error!).fieldErrors;
    expect(fields.address?.[0]).toMatch(/@/);
    expect(fields.code?.[0]).toMatch(/授权码/);
    const en = createConnectMailboxSchema('en').safeParse({ address: 'a@163.com', code: '' });
    expect(z.flattenError(en.error!).fieldErrors.code?.[0]).toMatch(/paste/i);
  });
});

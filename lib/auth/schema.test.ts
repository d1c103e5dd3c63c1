import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { forgotPasswordSchema } from '@/lib/auth/password-schema';
import { displayNameFor, signInSchema, signUpSchema } from '@/lib/auth/schema';
import { AUTH_MESSAGES } from '@/lib/i18n/messages/auth';

describe('sign-in and sign-up schemas', () => {
  it('normalises the email and keeps the password as typed', () => {
    const parsed = signInSchema.safeParse({ email: '  Alice@Example.COM ', password: ' pass word ' });
    expect(parsed.success && parsed.data).toEqual({ email: 'alice@example.com', password: ' pass word ' });
  });

  it('asks for a password of at least 8 characters at sign-up only', () => {
    expect(signInSchema.safeParse({ email: 'a@example.com', password: 'short' }).success).toBe(true);
    const short = signUpSchema.safeParse({ email: 'a@example.com', password: 'short' });
    expect(z.flattenError(short.error!).fieldErrors.password).toEqual(['account_password.too_short']);
    expect(AUTH_MESSAGES.zh.issues['account_password.too_short']).toMatch(/8/);
    expect(AUTH_MESSAGES.en.issues['account_password.too_short']).toMatch(/at least 8/);
    expect(signUpSchema.safeParse({ email: 'a@example.com', password: 'x'.repeat(129) }).success).toBe(false);
  });

  it('refuses a display name with control characters (NUL would fail in the database)', () => {
    for (const name of ['Li\u0000Si', 'Li\tSi', 'Li\nSi']) {
      const parsed = signUpSchema.safeParse({ email: 'a@example.com', password: 'long enough', name });
      expect(z.flattenError(parsed.error!).fieldErrors.name, JSON.stringify(name)).toEqual(['name.unprintable']);
    }
    expect(signUpSchema.safeParse({ email: 'a@example.com', password: 'long enough', name: ' 张三 ' }).data?.name).toBe('张三');
  });

  it('refuses an address that is not one', () => {
    expect(signInSchema.safeParse({ email: 'not an address', password: 'x' }).success).toBe(false);
  });

  it('refuses an address longer than 254 characters, for every form that takes one', () => {
    const domain = `${Array.from({ length: 3 }, () => 'd'.repeat(60)).join('.')}.example.com`;
    const longest = `${'a'.repeat(254 - domain.length - 1)}@${domain}`;
    expect(longest).toHaveLength(254);
    expect(signInSchema.safeParse({ email: longest, password: 'x' }).success).toBe(true);
    // Spaces around it are trimmed before counting.
    expect(signInSchema.safeParse({ email: `  ${longest}  `, password: 'x' }).success).toBe(true);
    for (const schema of [signInSchema, signUpSchema, forgotPasswordSchema]) {
      const parsed = schema.safeParse({ email: `a${longest}`, password: 'long enough' });
      expect(z.flattenError(parsed.error!).fieldErrors.email).toEqual(['email.invalid']);
    }
  });

  it('falls back to the part before "@" for the display name', () => {
    expect(displayNameFor({ email: 'zhangsan@163.com', name: undefined })).toBe('zhangsan');
    expect(displayNameFor({ email: 'zhangsan@163.com', name: '' })).toBe('zhangsan');
    expect(displayNameFor({ email: 'zhangsan@163.com', name: '张三' })).toBe('张三');
  });
});

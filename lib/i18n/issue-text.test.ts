import { zodResolver } from '@hookform/resolvers/zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueText, wordedResolver } from './issue-text';
import { ISSUE_MESSAGES } from './messages/issues';

// Where a schema's issue codes become the words a reader sees: the mailbox forms' catalog, a
// form's own catalog (manual setup's field messages are the wizard's: lib/discovery/manual.test.ts),
// and complaints that arrive in words already.

describe('issueText', () => {
  it('words an issue code in the reader’s language', () => {
    expect(issueText('code.empty', 'zh')).toBe('请粘贴授权码。');
    expect(issueText('code.empty', 'en')).toBe('Please paste the code.');
  });

  it('prefers the form’s own catalog, and picks the reader’s language of words in both', () => {
    expect(issueText('email.invalid', 'en', { 'email.invalid': 'Please enter a valid email address.' })).toBe('Please enter a valid email address.');
    expect(issueText({ zh: '这是网易邮箱的服务器。', en: 'This is a server of NetEase Mail.' }, 'zh')).toBe('这是网易邮箱的服务器。');
  });

  it('shows words as they are, and says “please check” for a code no catalog knows', () => {
    expect(issueText('The password has a line break inside it.', 'en')).toBe('The password has a line break inside it.');
    expect(issueText('nothing.known', 'zh')).toBe(ISSUE_MESSAGES.zh['input.invalid']);
  });
});

describe('wordedResolver', () => {
  it('hands react-hook-form the words, not the codes', async () => {
    const schema = z.object({ code: z.string().min(1, { error: 'code.empty' }) });
    const resolve = wordedResolver(zodResolver(schema), 'en');
    const result = await resolve({ code: '' }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(result.errors.code?.message).toBe('Please paste the code.');
    expect(await resolve({ code: 'abc' }, undefined, { fields: {}, shouldUseNativeValidation: false })).toEqual({ values: { code: 'abc' }, errors: {} });
  });
});

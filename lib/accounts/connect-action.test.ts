import { describe, expect, it, vi } from 'vitest';
import { MANUAL_FIELD_MESSAGES } from '@/lib/discovery/messages';
import { issueText } from '@/lib/wizard/client/logic';

// The wizard's submit action as the browser calls it, with the environment of the browser tests:
// MAIL_MANUAL_ALLOW_HOSTS names the one test server that may use any port. Only what Next
// provides per request is stood in for (who is signed in: nobody; the reader's language), so
// every call here is answered by the schema or by the sign-in check, before a database or a
// mail server would be needed.

vi.hoisted(() => {
  process.env.MAIL_MANUAL_ALLOW_HOSTS = 'mail.selfhosted.test';
});
vi.mock('@/lib/auth/server', () => ({ getSessionUser: async () => null }));
vi.mock('@/lib/i18n/server', () => ({ getLocale: async () => 'en' }));

const { connectMailbox } = await import('@/app/actions');

const servers = (host: string, imapPort: number) => ({
  imapHost: host,
  imapPort,
  imapTls: 'implicit' as const,
  smtpHost: host,
  smtpPort: 465,
  smtpTls: 'implicit' as const,
});

describe('connectMailbox (the wizard’s submit action) and the mail ports', () => {
  it('refuses a .test name outside MAIL_MANUAL_ALLOW_HOSTS for its port, on the port field', async () => {
    // The browser's schema lets every .test name through (it cannot see the list); the action does not.
    expect(await connectMailbox({ address: 'zhou@x.test', code: 'a password', manual: servers('x.test', 22) })).toEqual({
      ok: false,
      code: 'invalid',
      fieldErrors: { imapPort: ['manual.port_not_mail_imap'] },
    });
    expect(issueText('manual.port_not_mail_imap', 'en')).toBe(MANUAL_FIELD_MESSAGES.port_not_mail_imap.en);
  });

  it('lets the allow-listed test server use the port its test peer listens on', async () => {
    // Past the schema, the next answer is the sign-in check's.
    expect(await connectMailbox({ address: 'zhou@selfhosted.test', code: 'a password', manual: servers('mail.selfhosted.test', 40_123) })).toEqual({
      ok: false,
      code: 'signed_out',
    });
  });
});

'use client';

import type { DeleteUserAction } from '@/lib/auth/account-form-state';
import { deleteAccountSchema } from '@/lib/auth/password-schema';
import { format, type Locale } from '@/lib/i18n/locale';
import type { AccountFormText } from '@/lib/i18n/messages/account';
import { PasswordForm, waitText } from './password-form';

/**
 * The password, typed to confirm, and the one button. On success the action sends the browser to
 * the wizard, signed out; it answers only when it did not.
 */
export function DeleteAccountForm({ email, action, locale, text }: { email: string; action: DeleteUserAction; locale: Locale; text: AccountFormText }) {
  return (
    <PasswordForm
      schema={deleteAccountSchema}
      fields={[{ name: 'password', label: text.fields.password, autoComplete: 'current-password', hint: text.account.remove.passwordHint }]}
      username={email}
      action={action}
      onAnswer={(result) => {
        if (result.ok) return undefined;
        if (result.code === 'rate_limited') return { tone: 'error', text: format(text.errors.rate_limited, { wait: waitText(result.retryAfterSeconds, text.wait) }) };
        return { tone: 'error', text: text.errors.signed_out };
      }}
      locale={locale}
      issues={text.issues}
      submit={text.account.remove.submit}
      pending={text.account.remove.pending}
      danger
    />
  );
}

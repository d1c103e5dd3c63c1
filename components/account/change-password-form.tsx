'use client';

import type { ChangePasswordAction } from '@/lib/auth/account-form-state';
import { changePasswordSchema } from '@/lib/auth/password-schema';
import { format, type Locale } from '@/lib/i18n/locale';
import type { AccountFormText } from '@/lib/i18n/messages/account';
import { PasswordForm, waitText } from './password-form';

/** The current password and the new one twice; the other devices are signed out, this one stays. */
export function ChangePasswordForm({ email, action, locale, text }: { email: string; action: ChangePasswordAction; locale: Locale; text: AccountFormText }) {
  return (
    <PasswordForm
      schema={changePasswordSchema}
      fields={[
        { name: 'currentPassword', label: text.fields.currentPassword, autoComplete: 'current-password' },
        { name: 'newPassword', label: text.fields.newPassword, autoComplete: 'new-password', hint: text.fields.newPasswordHint },
        { name: 'newPasswordRepeat', label: text.fields.newPasswordRepeat, autoComplete: 'new-password' },
      ]}
      username={email}
      action={action}
      onAnswer={(result) => {
        if (result.ok) return { tone: 'success', text: text.account.change.done };
        if (result.code === 'rate_limited') return { tone: 'error', text: format(text.errors.rate_limited, { wait: waitText(result.retryAfterSeconds, text.wait) }) };
        return { tone: 'error', text: text.errors.signed_out };
      }}
      locale={locale}
      issues={text.issues}
      submit={text.account.change.submit}
      pending={text.account.change.pending}
    />
  );
}

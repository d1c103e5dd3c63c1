'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { textLink } from '@/components/ui/styles';
import type { ResetPasswordAction } from '@/lib/auth/account-form-state';
import { resetPasswordSchema } from '@/lib/auth/password-schema';
import { format, type Locale } from '@/lib/i18n/locale';
import type { AccountFormText } from '@/lib/i18n/messages/account';
import { PasswordForm, waitText } from './password-form';

/** Said when the link cannot be used: on the page at once, or after the form found out. */
export function InvalidResetLink({ text, minutes, focus = false }: { text: AccountFormText; minutes: number; focus?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <section role={focus ? 'alert' : undefined} className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
      <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
        {text.reset.invalidTitle}
      </h2>
      <p className="mt-2 body-text">{format(text.reset.invalidBody, { minutes })}</p>
      <p className="mt-4">
        <Link href="/forgot-password" className={textLink}>
          {text.reset.requestAgain}
        </Link>
      </p>
    </section>
  );
}

/** The new password, twice, for the token from the mail; then a way to sign in with it. */
export function ResetPasswordForm({ token, action, locale, text, minutes }: { token: string; action: ResetPasswordAction; locale: Locale; text: AccountFormText; minutes: number }) {
  const [state, setState] = useState<'form' | 'done' | 'invalid'>('form');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state === 'done') heading.current?.focus();
  }, [state]);

  if (state === 'invalid') return <InvalidResetLink text={text} minutes={minutes} focus />;
  if (state === 'done') {
    return (
      <section role="status" className="mt-6 rounded-lg border border-green-300 bg-green-50 p-4 dark:border-green-800 dark:bg-green-950">
        <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
          {text.reset.doneTitle}
        </h2>
        <p className="mt-2 body-text">{text.reset.doneBody}</p>
        <p className="mt-4">
          <Link href="/sign-in?next=/account" className={textLink}>
            {text.reset.signIn}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <PasswordForm
      schema={resetPasswordSchema}
      fields={[
        { name: 'newPassword', label: text.fields.newPassword, autoComplete: 'new-password', hint: text.fields.newPasswordHint },
        { name: 'newPasswordRepeat', label: text.fields.newPasswordRepeat, autoComplete: 'new-password' },
      ]}
      hidden={{ token }}
      action={action}
      onAnswer={(result) => {
        if (result.ok) {
          setState('done');
          return undefined;
        }
        if (result.code === 'invalid_token') {
          setState('invalid');
          return undefined;
        }
        return { tone: 'error', text: format(text.errors.rate_limited, { wait: waitText(result.retryAfterSeconds, text.wait) }) };
      }}
      locale={locale}
      issues={text.issues}
      submit={text.reset.submit}
      pending={text.reset.pending}
    />
  );
}

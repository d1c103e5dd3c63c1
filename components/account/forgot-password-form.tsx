'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { textLink } from '@/components/ui/styles';
import type { RequestResetAction } from '@/lib/auth/account-form-state';
import { forgotPasswordSchema } from '@/lib/auth/password-schema';
import { format, type Locale } from '@/lib/i18n/locale';
import type { AccountFormText } from '@/lib/i18n/messages/account';
import { PasswordForm, waitText } from './password-form';

/**
 * 「忘记密码」: the address, then the same answer for every address (registered or not), which
 * takes the form's place and the focus. Only the limits answer otherwise.
 */
export function ForgotPasswordForm({ action, locale, text, minutes }: { action: RequestResetAction; locale: Locale; text: AccountFormText; minutes: number }) {
  const [sentTo, setSentTo] = useState<string | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (sentTo !== undefined) heading.current?.focus();
  }, [sentTo]);

  if (sentTo !== undefined) {
    return (
      <section role="status" className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
        <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
          {text.forgot.sentTitle}
        </h2>
        <p className="mt-2 body-text break-words">{format(text.forgot.sentBody, { email: sentTo, minutes })}</p>
        <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/sign-in" className={textLink}>
            {text.backToSignIn}
          </Link>
          <button type="button" className={textLink} onClick={() => setSentTo(undefined)}>
            {text.forgot.again}
          </button>
        </p>
      </section>
    );
  }

  return (
    <PasswordForm
      schema={forgotPasswordSchema}
      fields={[{ name: 'email', label: text.fields.email, autoComplete: 'email' }]}
      action={async (input: { email: string }) => {
        const result = await action(input);
        if (result.ok) setSentTo(input.email.trim().toLowerCase());
        return result;
      }}
      onAnswer={(result) =>
        result.ok
          ? undefined
          : { tone: 'error', text: result.code === 'rate_limited' ? format(text.errors.rate_limited, { wait: waitText(result.retryAfterSeconds, text.wait) }) : text.errors.signed_out }
      }
      locale={locale}
      issues={text.issues}
      submit={text.forgot.submit}
      pending={text.forgot.pending}
    />
  );
}

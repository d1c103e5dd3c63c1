'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { primaryButton, textInput } from '@/components/ui/styles';
import type { ActionResult, FailureMap, InvalidInput } from '@/lib/actions/result';
import { issueText, wordedResolver } from '@/lib/i18n/issue-text';
import { format, type Locale } from '@/lib/i18n/locale';
import type { AccountFormText } from '@/lib/i18n/messages/account';
import type { z } from '@/lib/zod';

// The one shape of the account's password forms (ask for a reset link, set a new password, change
// it, confirm a deletion): instant checks with the shared schema, the server action checks again;
// a complaint about a field sits under it (aria-invalid, aria-describedby) and the field gets the
// focus; anything else the action answers is said in the form's live region, which gets the focus.

export interface PasswordFieldSpec {
  name: string;
  label: string;
  autoComplete: 'email' | 'current-password' | 'new-password';
  hint?: string;
}

/** What the form says after an answer that was not about a field; nothing when undefined. */
export interface FormNotice {
  text: string;
  tone: 'error' | 'success';
}

type AnyResult = ActionResult<unknown, FailureMap>;

/** The wait before trying again, in seconds under two minutes and in whole minutes beyond. */
export function waitText(seconds: number, text: AccountFormText['wait']): string {
  return seconds < 120 ? format(text.seconds, { n: seconds }) : format(text.minutes, { n: Math.ceil(seconds / 60) });
}

export function PasswordForm<R extends AnyResult>({
  schema,
  fields,
  hidden,
  username,
  action,
  onAnswer,
  locale,
  issues,
  submit,
  pending,
  danger = false,
}: {
  schema: z.ZodType;
  fields: readonly PasswordFieldSpec[];
  /** Sent along, never typed (the reset link's token). */
  hidden?: Readonly<Record<string, string>>;
  /** The account's address, for password managers (a hidden username field beside the password). */
  username?: string;
  action: (input: never) => Promise<R>;
  /** Every answer but `invalid`: what to say, if anything. The form clears itself after a success. */
  onAnswer: (result: Exclude<R, { code: 'invalid' }>) => FormNotice | undefined;
  locale: Locale;
  issues: Readonly<Record<string, string>>;
  submit: string;
  pending: string;
  danger?: boolean;
}) {
  // The hidden values are the form's too, so the shared schema checks them with the rest.
  const defaults = { ...Object.fromEntries(fields.map((field) => [field.name, ''])), ...hidden };
  const form = useForm<Record<string, string>>({
    resolver: wordedResolver(zodResolver(schema as never), locale, issues) as never,
    defaultValues: defaults,
  });
  const [notice, setNotice] = useState<(FormNotice & { seq: number }) | undefined>();
  const [busy, startTransition] = useTransition();
  const noticeRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const errors = form.formState.errors;

  // A new notice takes the focus, so a screen reader reads it and a keyboard user starts there.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const onSubmit = form.handleSubmit((values) => {
    setNotice(undefined);
    startTransition(async () => {
      const result = await action({ ...values, ...hidden } as never);
      if (!result.ok && result.code === 'invalid') {
        const invalid = result as InvalidInput;
        const complaints = Object.entries(invalid.fieldErrors).filter(([name]) => fields.some((field) => field.name === name));
        complaints.forEach(([name, list], index) => {
          const first = list?.[0];
          if (first !== undefined) form.setError(name, { message: issueText(first, locale, issues) }, { shouldFocus: index === 0 });
        });
        const formIssue = invalid.formError ?? (complaints.length === 0 ? Object.values(invalid.fieldErrors)[0]?.[0] : undefined);
        if (formIssue !== undefined) setNotice({ text: issueText(formIssue, locale, issues), tone: 'error', seq: Date.now() });
      } else {
        const said = onAnswer(result as Exclude<R, { code: 'invalid' }>);
        if (result.ok) form.reset(defaults);
        if (said) setNotice({ ...said, seq: Date.now() });
      }
      // A typed password is never kept for the next try once the server has answered.
      for (const field of fields) if (field.autoComplete !== 'email') form.resetField(field.name, { keepError: true });
    });
  });

  return (
    // POST: a press before the page's script has run sends the form natively, and a password
    // must never land in a URL (history, proxies' logs).
    <form method="post" noValidate onSubmit={onSubmit} className="mt-6 space-y-5">
      {username !== undefined && <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />}
      {fields.map((field) => (
        <Field key={field.name} id={`${id}-${field.name}`} look="snug" label={field.label} hint={field.hint} error={errors[field.name]?.message}>
          {(control) => (
            <input
              {...control}
              type={field.autoComplete === 'email' ? 'email' : 'password'}
              autoComplete={field.autoComplete}
              {...(field.autoComplete === 'email' ? { autoCapitalize: 'none', spellCheck: false } : {})}
              className={`${textInput} mt-1.5`}
              {...form.register(field.name)}
            />
          )}
        </Field>
      ))}
      <div
        ref={noticeRef}
        tabIndex={-1}
        aria-live="polite"
        data-notice={notice?.tone}
        className={`min-h-6 text-sm outline-none ${notice?.tone === 'success' ? 'text-green-800 dark:text-green-300' : 'text-red-700 dark:text-red-300'}`}
      >
        {notice?.text}
      </div>
      <button type="submit" className={`${danger ? 'btn-danger' : primaryButton} w-full sm:w-auto`} aria-disabled={busy || undefined} disabled={busy}>
        {busy ? pending : submit}
      </button>
    </form>
  );
}

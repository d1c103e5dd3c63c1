'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { primaryButton, textInput } from '@/components/ui/styles';
import type { AuthFieldName, AuthFormAction, AuthFormInput } from '@/lib/auth/form-state';
import { createSignInSchema, createSignUpSchema } from '@/lib/auth/schema';
import type { AuthMessages } from '@/lib/i18n/messages/auth';
import type { Locale } from '@/lib/i18n/locale';

type Mode = 'sign-in' | 'sign-up';

/** Sign-in or sign-up: instant checks with the shared schema, the server action re-checks. */
export function AuthForm({
  mode,
  locale,
  next,
  action,
  text,
}: {
  mode: Mode;
  locale: Locale;
  next: string;
  action: AuthFormAction;
  text: Pick<AuthMessages, 'fields'> & { submit: string; pending: string };
}) {
  const schema = mode === 'sign-in' ? createSignInSchema(locale) : createSignUpSchema(locale);
  const form = useForm<AuthFormInput>({
    resolver: zodResolver(schema as ReturnType<typeof createSignUpSchema>) as never,
    defaultValues: { email: '', password: '', name: '' },
  });
  const [formError, setFormError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const id = useId();
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(undefined);
    startTransition(async () => {
      const state = await action({ ...values, next });
      // Only reached when the action did not redirect.
      for (const [name, messages] of Object.entries(state.fieldErrors)) {
        if (messages?.[0]) form.setError(name as AuthFieldName, { message: messages[0] });
      }
      setFormError(state.formError);
      form.resetField('password', { keepError: true });
    });
  });

  const field = (name: AuthFieldName, label: string, type: string, autoComplete: string, hint?: string) => {
    const error = errors[name]?.message;
    const describedBy = [hint ? `${id}-${name}-hint` : null, error ? `${id}-${name}-error` : null].filter(Boolean).join(' ');
    return (
      <div>
        <label htmlFor={`${id}-${name}`} className="block font-medium">
          {label}
        </label>
        {hint && (
          <p id={`${id}-${name}-hint`} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {hint}
          </p>
        )}
        <input
          id={`${id}-${name}`}
          type={type}
          autoComplete={autoComplete}
          className={`${textInput} mt-1.5`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...form.register(name)}
        />
        {error && (
          <p id={`${id}-${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="mt-6 space-y-5">
      {field('email', text.fields.email, 'email', 'email')}
      {field(
        'password',
        text.fields.password,
        'password',
        mode === 'sign-in' ? 'current-password' : 'new-password',
        mode === 'sign-up' ? text.fields.passwordHintSignUp : undefined,
      )}
      {mode === 'sign-up' && field('name', text.fields.name, 'text', 'nickname')}
      <div aria-live="polite" className="min-h-6 text-sm text-red-700 dark:text-red-300">
        {formError}
      </div>
      <button type="submit" className={`${primaryButton} w-full`} aria-disabled={pending || undefined} disabled={pending}>
        {pending ? text.pending : text.submit}
      </button>
    </form>
  );
}

'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { primaryButton, textInput } from '@/components/ui/styles';
import type { FailureOf } from '@/lib/actions/result';
import type { AuthFieldName, AuthFormAction, AuthFormInput, AuthFormResult, SignedIn } from '@/lib/auth/form-state';
import { signInSchema, signUpSchema } from '@/lib/auth/schema';
import type { AuthMessages } from '@/lib/i18n/messages/auth';
import { issueText, wordedResolver } from '@/lib/i18n/issue-text';
import { format, type Locale } from '@/lib/i18n/locale';

type Mode = 'sign-in' | 'sign-up';

type AuthFormText = Pick<AuthMessages, 'fields' | 'errors' | 'wait' | 'issues'> & { submit: string; pending: string };

/** Why the auth library said no, in words: a wait in seconds under two minutes, in whole minutes (rounded up) beyond. */
function failureText(failure: Exclude<FailureOf<AuthFormResult>, { code: 'invalid' }>, text: AuthFormText): string {
  const { errors, wait } = text;
  if (failure.code === 'account_paused') {
    const seconds = failure.retryAfterSeconds ?? 60;
    const inWords = seconds < 120 ? format(wait.seconds, { n: seconds }) : format(wait.minutes, { n: Math.ceil(seconds / 60) });
    return format(errors.account_paused, { wait: inWords });
  }
  if (failure.code === 'rate_limited') {
    return failure.retryAfterSeconds ? format(errors.rate_limited, { seconds: failure.retryAfterSeconds }) : errors.rate_limited_generic;
  }
  return errors[failure.code];
}

/**
 * Sign-in or sign-up: instant checks with the shared schema, the server action re-checks. The
 * pages' actions redirect to `next` on success; an action that answers instead (the wizard's
 * inline sign-in) has its answer handed to `onSignedIn`.
 */
export function AuthForm({
  mode,
  locale,
  next,
  action,
  text,
  onSignedIn,
  className = 'mt-6',
}: {
  mode: Mode;
  locale: Locale;
  next?: string;
  action: AuthFormAction;
  text: AuthFormText;
  onSignedIn?: (who: SignedIn) => void;
  /** Spacing around the form. */
  className?: string;
}) {
  const schema = mode === 'sign-in' ? signInSchema : signUpSchema;
  const form = useForm<AuthFormInput>({
    resolver: wordedResolver(zodResolver(schema as typeof signUpSchema), locale, text.issues) as never,
    defaultValues: { email: '', password: '', name: '' },
  });
  const [formError, setFormError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  // Not before React runs the form: the browser would send the password in the address.
  const hydrated = useHydrated();
  const id = useId();
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(undefined);
    startTransition(async () => {
      const result = await action(next === undefined ? values : { ...values, next });
      // Only reached when the action did not redirect.
      if (result.ok) {
        onSignedIn?.(result.data);
        return;
      }
      if (result.code === 'invalid') {
        for (const [name, issues] of Object.entries(result.fieldErrors)) {
          const first = issues?.[0];
          if (first !== undefined) form.setError(name as AuthFieldName, { message: issueText(first, locale, text.issues) });
        }
        setFormError(result.formError !== undefined ? issueText(result.formError, locale, text.issues) : undefined);
      } else {
        setFormError(failureText(result, text));
      }
      form.resetField('password', { keepError: true });
    });
  });

  const field = (name: AuthFieldName, label: string, type: string, autoComplete: string, hint?: string) => (
    <Field id={`${id}-${name}`} look="snug" label={label} hint={hint} error={errors[name]?.message}>
      {(control) => (
        <input {...control} type={type} autoComplete={autoComplete} className={`${textInput} mt-1.5`} {...form.register(name)} />
      )}
    </Field>
  );

  return (
    <form noValidate onSubmit={onSubmit} className={`${className} space-y-5`}>
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
      <button type="submit" className={`${primaryButton} w-full`} aria-disabled={pending || undefined} disabled={pending || !hydrated}>
        {pending ? text.pending : text.submit}
      </button>
    </form>
  );
}

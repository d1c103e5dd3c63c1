'use client';

import type { AuthFormAction, SignedIn } from '@/lib/auth/form-state';
import { AUTH_MESSAGES } from '@/lib/i18n/messages/auth';
import type { Locale } from '@/lib/i18n/locale';
import { AuthForm } from './auth-form';

// The sign-in and sign-up forms inside a page that must not be left (the wizard's code step): the
// pages' forms, with actions that answer instead of redirecting. Fetched when first opened, with
// their words and the form library.

export interface InlineAuthActions {
  signIn: AuthFormAction;
  signUp: AuthFormAction;
}

export function InlineAuth({
  mode,
  locale,
  actions,
  onSignedIn,
}: {
  mode: 'sign-in' | 'sign-up';
  locale: Locale;
  actions: InlineAuthActions;
  onSignedIn: (who: SignedIn) => void;
}) {
  const m = AUTH_MESSAGES[locale];
  const words = mode === 'sign-in' ? m.signIn : m.signUp;
  return (
    <AuthForm
      // A fresh form for each mode: what was typed into one is not sent by the other.
      key={mode}
      mode={mode}
      locale={locale}
      action={mode === 'sign-in' ? actions.signIn : actions.signUp}
      text={{ fields: m.fields, errors: m.errors, wait: m.wait, issues: m.issues, submit: words.submit, pending: words.pending }}
      onSignedIn={onSignedIn}
      className="mt-4"
    />
  );
}

'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from '@/lib/zod';
import { Spinner } from '@/components/ui/spinner';
import { primaryButton, secondaryButton, textInput } from '@/components/ui/styles';
import type { AccountActionResult, AccountView } from '@/lib/accounts/view';
import { format } from '@/lib/i18n/locale';
import type { Diagnosis } from '@/lib/mail-check/types';
import { createAuthCodeSchema, normalizeAuthCode } from '@/lib/providers/auth-code';
import type { AccountsContext } from './types';

interface ReplaceCodeValues {
  code: string;
}

/**
 * A new code for a saved mailbox. The field cleans a pasted code as the wizard's does and keeps
 * a password (Sohu's, manual setup's) as typed; the server checks the new code and keeps the old
 * one unless it passes. The code lives in this form only.
 */
export function ReplaceCodeForm({
  account,
  context,
  running,
  blocked,
  run,
  onReplaced,
  onFailed,
  onOtherResult,
  onCancel,
}: {
  account: AccountView;
  context: AccountsContext;
  /** This form's check is running. */
  running: boolean;
  /** Some action on the account is running. */
  blocked: boolean;
  run: (code: string) => Promise<AccountActionResult | null>;
  onReplaced: (account: AccountView) => void;
  onFailed: (account: AccountView) => void;
  onOtherResult: (result: AccountActionResult) => void;
  onCancel: () => void;
}) {
  const { locale, text } = context;
  const t = text.replace;
  const credential = context.credentials[account.providerId] ?? context.defaultCredential;
  const words = { credential: credential.name };
  const id = useId();
  const secretKind = credential.kind;
  const schema = useMemo(() => z.object({ code: createAuthCodeSchema(locale, secretKind) }), [locale, secretKind]);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors },
  } = useForm<ReplaceCodeValues>({ resolver: zodResolver(schema), defaultValues: { code: '' } });
  const [failure, setFailure] = useState<{ diagnosis: Diagnosis; serverText?: string } | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setFocus('code');
  }, [setFocus]);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const submit = handleSubmit(async (values) => {
    if (blocked) return;
    setFailure(null);
    const result = await run(values.code);
    if (!result) return;
    switch (result.status) {
      case 'done':
        reset({ code: '' });
        onReplaced(result.account);
        return;
      case 'check_failed':
        onFailed(result.account);
        setFailure({ diagnosis: result.diagnosis, ...(result.serverText ? { serverText: result.serverText } : {}) });
        return;
      case 'invalid': {
        const message = result.fieldErrors.code?.[0];
        if (message) {
          setError('code', { type: 'server', message }, { shouldFocus: true });
          return;
        }
        onOtherResult(result);
        return;
      }
      default:
        onOtherResult(result);
    }
  });

  const field = register('code');
  const inputId = `${id}-code`;
  const describedBy = [`${id}-hint`, errors.code ? `${id}-error` : ''].filter(Boolean).join(' ');

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-heading`}
      className="mt-4 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <h3 id={`${id}-heading`} className="font-semibold break-all">
        {format(t.heading, { address: account.address, ...words })}
      </h3>
      <p className="mt-1 text-sm leading-6 text-slate-700 dark:text-slate-300">{format(t.intro, words)}</p>
      <label htmlFor={inputId} className="mt-3 block font-medium">
        {format(t.label, words)}
      </label>
      <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        {credential.hint}
      </p>
      <input
        id={inputId}
        type="text"
        autoComplete="off"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        aria-invalid={errors.code ? true : undefined}
        aria-describedby={describedBy}
        className={`${textInput} mt-2 font-mono tracking-wider`}
        {...field}
        onChange={(event) => {
          // The same cleaning as the wizard's code field, for a code only; not while an input
          // method composes. A password is sent as typed, so it is never rewritten here.
          if (secretKind === 'code' && !(event.nativeEvent as InputEvent).isComposing) {
            const clean = normalizeAuthCode(event.target.value);
            if (clean !== event.target.value) event.target.value = clean;
          }
          void field.onChange(event);
        }}
        onCompositionEnd={(event) => {
          if (secretKind === 'code') event.currentTarget.value = normalizeAuthCode(event.currentTarget.value);
          void field.onChange({ target: event.currentTarget, type: 'change' });
        }}
      />
      {errors.code && (
        <p id={`${id}-error`} className="mt-2 text-sm text-red-700 dark:text-red-300">
          {errors.code.message}
        </p>
      )}

      <div role="status" className="text-sm">
        {running && <p className="mt-3 text-slate-700 dark:text-slate-200">{format(t.running, words)}</p>}
      </div>
      <div ref={failureRef} tabIndex={-1} aria-live="polite" className="outline-none">
        {failure && (
          <div className="mt-3 rounded-lg border border-red-300 bg-red-50 p-3 text-sm leading-6 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50">
            <p className="font-semibold">{format(t.failedTitle, { title: failure.diagnosis.title[locale], ...words })}</p>
            <p className="mt-1 font-medium">{format(t.oldCodeKept, words)}</p>
            <p className="mt-2">{failure.diagnosis.explanation[locale]}</p>
            <ol className="mt-2 list-decimal space-y-1 pl-5">
              {failure.diagnosis.checklist.map((item) => (
                <li key={item.en}>{item[locale]}</li>
              ))}
            </ol>
            {failure.serverText && (
              <p className="mt-2">
                <code className="font-mono break-all">{failure.serverText}</code>
              </p>
            )}
          </div>
        )}
      </div>

      <div className="mt-4 flex flex-wrap gap-3">
        <button
          type="submit"
          className={primaryButton}
          aria-disabled={blocked ? true : undefined}
        >
          {running && <Spinner />}
          {running ? t.submitting : t.submit}
        </button>
        <button type="button" className={secondaryButton} onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

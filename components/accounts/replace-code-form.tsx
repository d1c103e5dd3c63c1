'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from '@/lib/zod';
import { CodeInput } from '@/components/ui/code-input';
import { DiagnosisCard, diagnosisWords } from '@/components/ui/diagnosis-card';
import { Spinner } from '@/components/ui/spinner';
import type { CredentialWording } from '@/lib/accounts/credential-wording';
import type { AccountsActionResult, AccountView, ReplaceCodeActionResult } from '@/lib/accounts/view';
import { issueText, wordedResolver } from '@/lib/i18n/issue-text';
import { format, type Locale } from '@/lib/i18n/locale';
import { ACCOUNTS_REPLACE_MESSAGES } from '@/lib/i18n/messages/accounts-replace';
import type { Diagnosis } from '@/lib/mail-check/types';
import { authCodeSchema, cleanSecret } from '@/lib/providers/auth-code';

interface ReplaceCodeValues {
  code: string;
}

/**
 * A new code for a saved mailbox. The field cleans a pasted code as the wizard's does and keeps
 * a password (Sohu's, manual setup's) as typed; the server checks the new code and keeps the old
 * one unless it passes. The code lives in this form only. Fetched, with react-hook-form, the
 * code's schema and its words, when someone reaches for a card's "replace code" button
 * (./account-card.tsx).
 */
export function ReplaceCodeForm({
  account,
  locale,
  credential,
  running,
  blocked,
  run,
  onReplaced,
  onFailed,
  onOtherResult,
  onCancel,
}: {
  account: AccountView;
  locale: Locale;
  /** What this provider calls its credential, and how the field treats it. */
  credential: CredentialWording;
  /** This form's check is running. */
  running: boolean;
  /** Some action on the account is running. */
  blocked: boolean;
  run: (code: string) => Promise<ReplaceCodeActionResult | null>;
  onReplaced: (account: AccountView) => void;
  onFailed: (account: AccountView) => void;
  onOtherResult: (result: AccountsActionResult) => void;
  onCancel: () => void;
}) {
  const t = ACCOUNTS_REPLACE_MESSAGES[locale];
  const words = { credential: credential.name };
  const id = useId();
  const secretKind = credential.kind;
  const resolver = useMemo(() => wordedResolver(zodResolver(z.object({ code: authCodeSchema(secretKind) })), locale), [locale, secretKind]);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors },
  } = useForm<ReplaceCodeValues>({ resolver, defaultValues: { code: '' } });
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
    if (result.ok) {
      reset({ code: '' });
      onReplaced(result.data);
      return;
    }
    switch (result.code) {
      case 'check_failed':
        onFailed(result.account);
        setFailure({ diagnosis: result.diagnosis, ...(result.serverText ? { serverText: result.serverText } : {}) });
        return;
      case 'invalid': {
        const issue = result.fieldErrors.code?.[0];
        if (issue !== undefined) {
          setError('code', { type: 'server', message: issueText(issue, locale) }, { shouldFocus: true });
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
  const failureText = failure ? diagnosisWords(failure.diagnosis, locale) : null;

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-heading`}
      className="mt-4 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <h3 id={`${id}-heading`} className="font-semibold break-all">
        {format(t.heading, { address: account.shownAddress, ...words })}
      </h3>
      <p className="mt-1 small-text">{format(t.intro, words)}</p>
      {/* The wizard's code field: a code is cleaned as it arrives, a password is sent as typed. */}
      <CodeInput
        id={`${id}-code`}
        wrapper="mt-3"
        label={format(t.label, words)}
        hint={credential.hint}
        error={errors.code?.message}
        registration={field}
        clean={secretKind === 'code' ? (typed) => cleanSecret(typed, 'code') : null}
      />

      <div role="status" className="text-sm">
        {running && <p className="mt-3 text-slate-700 dark:text-slate-200">{format(t.running, words)}</p>}
      </div>
      <div ref={failureRef} tabIndex={-1} aria-live="polite" className="outline-none">
        {failureText && (
          <DiagnosisCard
            look="replace"
            heading={format(t.failedTitle, { title: failureText.title, ...words })}
            lead={<p className="mt-1 font-medium">{format(t.oldCodeKept, words)}</p>}
            words={failureText}
          >
            {failure?.serverText && (
              <p className="mt-2">
                <code className="font-mono break-all">{failure.serverText}</code>
              </p>
            )}
          </DiagnosisCard>
        )}
      </div>

      <div className="mt-4 flex flex-wrap gap-3">
        <button
          type="submit"
          className="btn-primary"
          aria-disabled={blocked ? true : undefined}
        >
          {running && <Spinner />}
          {running ? t.submitting : t.submit}
        </button>
        <button type="button" className="btn-secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

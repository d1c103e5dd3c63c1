'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { primaryButton, textInput } from '@/components/ui/styles';
import { issueText, wordedResolver } from '@/lib/i18n/issue-text';
import type { SupportMessages } from '@/lib/i18n/messages/support';
import type { Locale } from '@/lib/i18n/locale';
import { helpCodeSchema, type EnterHelpCodeResult, type HelpCodeValues, type SupportIssue } from '@/lib/support/schema';

/** Staff type the customer's six digits; the action opens the customer's progress page. */
export function HelpCodeForm({
  locale,
  text,
  action,
}: {
  locale: Locale;
  text: SupportMessages['home'];
  action: (input: HelpCodeValues) => Promise<EnterHelpCodeResult>;
}) {
  const issueWords: Partial<Record<SupportIssue, string>> = { 'help_code.invalid': text.errors.invalid };
  const form = useForm<HelpCodeValues>({ resolver: wordedResolver(zodResolver(helpCodeSchema), locale, issueWords), defaultValues: { code: '' } });
  const [formError, setFormError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const id = useId();
  const error = form.formState.errors.code?.message;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(undefined);
    startTransition(async () => {
      const result = await action(values);
      // Only reached when the action did not redirect.
      if (result.ok) return;
      if (result.code === 'invalid') {
        const issue = result.fieldErrors.code?.[0];
        if (issue !== undefined) form.setError('code', { message: issueText(issue, locale, issueWords) });
        setFormError(result.formError !== undefined ? issueText(result.formError, locale, issueWords) : undefined);
      } else {
        setFormError(text.errors[result.code]);
      }
    });
  });

  return (
    <form noValidate onSubmit={onSubmit} className="mt-6 space-y-3">
      <Field id={`${id}-code`} look="flush" wrapper={false} label={text.codeLabel} hint={text.codeHint} error={error}>
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            autoComplete="off"
            className={`${textInput} max-w-48 font-mono text-xl tracking-widest`}
            {...form.register('code')}
          />
        )}
      </Field>
      <div aria-live="polite" className="min-h-6 text-sm text-red-700 dark:text-red-300">
        {formError}
      </div>
      <button type="submit" className={primaryButton} aria-disabled={pending || undefined} disabled={pending}>
        {pending ? text.pending : text.submit}
      </button>
    </form>
  );
}

'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { primaryButton, textInput } from '@/components/ui/styles';
import type { SupportMessages } from '@/lib/i18n/messages/support';
import type { Locale } from '@/lib/i18n/locale';
import { createHelpCodeSchema, type EnterHelpCodeState, type HelpCodeValues } from '@/lib/support/schema';

/** Staff type the customer's six digits; the action opens the customer's progress page. */
export function HelpCodeForm({
  locale,
  text,
  action,
}: {
  locale: Locale;
  text: SupportMessages['home'];
  action: (input: HelpCodeValues) => Promise<EnterHelpCodeState>;
}) {
  const form = useForm<HelpCodeValues>({ resolver: zodResolver(createHelpCodeSchema(locale)), defaultValues: { code: '' } });
  const [formError, setFormError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const id = useId();
  const error = form.formState.errors.code?.message;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(undefined);
    startTransition(async () => {
      const state = await action(values);
      // Only reached when the action did not redirect.
      if (!state.ok) {
        const message = state.fieldErrors.code?.[0];
        if (message) form.setError('code', { message });
        setFormError(state.formError);
      }
    });
  });

  return (
    <form noValidate onSubmit={onSubmit} className="mt-6 space-y-3">
      <label htmlFor={`${id}-code`} className="block font-medium">
        {text.codeLabel}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
        {text.codeHint}
      </p>
      <input
        id={`${id}-code`}
        inputMode="numeric"
        autoComplete="off"
        className={`${textInput} max-w-48 font-mono text-xl tracking-widest`}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')}
        {...form.register('code')}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <div aria-live="polite" className="min-h-6 text-sm text-red-700 dark:text-red-300">
        {formError}
      </div>
      <button type="submit" className={primaryButton} aria-disabled={pending || undefined} disabled={pending}>
        {pending ? text.pending : text.submit}
      </button>
    </form>
  );
}

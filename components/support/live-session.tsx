'use client';

import { useEffect, useId, useState, useTransition } from 'react';
import { Field } from '@/components/ui/field';
import { primaryButton } from '@/components/ui/styles';
import type { SupportMessages } from '@/lib/i18n/messages/support';
import { format } from '@/lib/i18n/locale';
import type { Locale } from '@/lib/i18n/locale';
import { formatTime } from '@/lib/i18n/time';
import type { StaffSessionView } from '@/lib/support/console';
import type { SuggestStepResult, SuggestStepValues } from '@/lib/support/schema';
import { WIZARD_STEPS, type WizardStep } from '@/lib/wizard/steps';
import { AttemptList } from './attempt-list';

// A customer's progress as staff follow it: refreshed about once a second (a cheap read of one
// row and the customer's recent attempts), so anything the customer does shows within two
// seconds, whichever app instance served the customer.

const REFRESH_MS = 1000;

export function LiveSession({
  sessionId,
  initialView,
  locale,
  text,
  stepTitles,
  suggestAction,
}: {
  sessionId: string;
  initialView: StaffSessionView;
  locale: Locale;
  text: SupportMessages;
  stepTitles: Record<WizardStep, string>;
  suggestAction: (input: SuggestStepValues) => Promise<SuggestStepResult>;
}) {
  const [view, setView] = useState(initialView);
  const live = view.state === 'live';

  useEffect(() => {
    if (!live) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      try {
        const response = await fetch(`/api/support/sessions/${encodeURIComponent(sessionId)}`, { cache: 'no-store' });
        if (response.ok && !stopped) setView((await response.json()) as StaffSessionView);
        else if (response.status === 404 && !stopped) setView({ state: 'ended' });
      } catch {
        // A dropped request: the next one tries again.
      }
      if (!stopped) timer = setTimeout(refresh, REFRESH_MS);
    };
    timer = setTimeout(refresh, REFRESH_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [live, sessionId]);

  const s = text.session;
  if (view.state === 'ended') {
    return (
      <p role="status" className="mt-6 rounded-xl border border-slate-300 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900">
        {s.ended}
      </p>
    );
  }

  return (
    <>
      <h1 className="text-2xl font-semibold">
        {view.maskedAddress ? format(s.title, { address: view.maskedAddress }) : s.titleNoAddress}
      </h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        <span aria-hidden="true" className="mr-1 inline-block size-2 rounded-full bg-green-600" />
        {s.live}
      </p>

      <section aria-labelledby="where-title" className="mt-6">
        <h2 id="where-title" className="text-lg font-semibold">
          {s.whereTitle}
        </h2>
        <div aria-live="polite" data-testid="customer-place">
          <p className="mt-2 text-lg">
            {view.step
              ? view.step.number === null
                ? view.step.title
                : format(s.step, { n: view.step.number, title: view.step.title })
              : s.noStep}
          </p>
          {view.progressAt && (
            <p className="text-sm text-slate-600 dark:text-slate-400">{format(s.updated, { time: formatTime(view.progressAt, locale, 'clockSeconds') })}</p>
          )}
          <p className="mt-1 text-sm">{view.providerName ? format(s.provider, { name: view.providerName }) : s.providerUnknown}</p>
          {view.checkingSince && <p className="mt-1 font-medium">{s.checking}</p>}
        </div>
      </section>

      <SuggestStep sessionId={sessionId} view={view} text={s} stepTitles={stepTitles} action={suggestAction} />

      <section aria-labelledby="attempts-title" className="mt-8">
        <h2 id="attempts-title" className="text-lg font-semibold">
          {s.attemptsTitle}
        </h2>
        {!view.customerSignedIn && <p className="mt-2 text-sm">{s.signedOut}</p>}
        {view.customerSignedIn && view.attempts.length === 0 && <p className="mt-2 text-sm">{s.noAttempts}</p>}
        <AttemptList attempts={view.attempts} locale={locale} text={text.attempt} />
      </section>
    </>
  );
}

function SuggestStep({
  sessionId,
  view,
  text,
  stepTitles,
  action,
}: {
  sessionId: string;
  view: Extract<StaffSessionView, { state: 'live' }>;
  text: SupportMessages['session'];
  stepTitles: Record<WizardStep, string>;
  action: (input: SuggestStepValues) => Promise<SuggestStepResult>;
}) {
  const id = useId();
  const [step, setStep] = useState<WizardStep>(WIZARD_STEPS[0]!);
  const [message, setMessage] = useState<string>('');
  const [pending, startTransition] = useTransition();
  const suggestion = view.suggestion;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setMessage('');
    startTransition(async () => {
      const result = await action({ sessionId, step });
      // Whatever the schema refused, the one thing to fix in this form is the step.
      setMessage(result.ok ? text.suggestSent : text.suggestErrors[result.code]);
    });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="mt-8">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {text.suggestTitle}
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{text.suggestLead}</p>
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-3">
        <Field id={`${id}-step`} wrapper="min-w-0 grow" label={text.suggestLabel}>
          {(control) => (
            <select
              {...control}
              value={step}
              onChange={(event) => setStep(event.target.value as WizardStep)}
              className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 dark:border-slate-500 dark:bg-slate-900"
            >
              {WIZARD_STEPS.map((option, index) => (
                <option key={option} value={option}>
                  {index + 1}. {stepTitles[option]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className={primaryButton} aria-disabled={pending || undefined} disabled={pending}>
          {text.suggestSubmit}
        </button>
      </form>
      <div aria-live="polite" className="mt-2 min-h-6 text-sm" data-testid="suggestion-state">
        {message && <p>{message}</p>}
        {suggestion && (
          <p>
            {format(text.suggestionState, {
              n: suggestion.number,
              title: suggestion.title,
              state: text.suggestionStates[suggestion.response ?? 'waiting'],
            })}
          </p>
        )}
      </div>
    </section>
  );
}

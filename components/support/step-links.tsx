'use client';

import { useSyncExternalStore } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { WIZARD_STEPS, type WizardStep } from '@/lib/wizard/steps';
import { stepLink } from '@/lib/support/steps';

const noSubscribe = () => () => undefined;

/** Each wizard step's deep link, with a copy button, to paste into a chat with the customer. */
export function StepLinks({
  stepTitles,
  copyText,
  copiedText,
  failedText,
  providerId,
}: {
  stepTitles: Record<WizardStep, string>;
  copyText: string;
  copiedText: string;
  failedText: string;
  /** The customer's provider, when known: the links then open its steps. */
  providerId?: string | null;
}) {
  // The app's own address as the browser sees it; on the server render, a relative link.
  const origin = useSyncExternalStore(noSubscribe, () => window.location.origin, () => '');
  return (
    <ol className="mt-3 space-y-2">
      {WIZARD_STEPS.map((step, index) => {
        const link = stepLink(origin, step, providerId);
        return (
          <li key={step} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-300 px-3 py-2 dark:border-slate-700">
            <span className="min-w-0">
              <span className="font-medium">
                {index + 1}. {stepTitles[step]}
              </span>
              <span className="block font-mono text-sm break-all text-slate-600 dark:text-slate-400">{link}</span>
            </span>
            <CopyButton value={link} label={`${copyText}: ${index + 1}. ${stepTitles[step]}`} text={copyText} copiedText={copiedText} failedText={failedText} />
          </li>
        );
      })}
    </ol>
  );
}

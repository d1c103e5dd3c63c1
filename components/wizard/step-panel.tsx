import type { ReactNode } from 'react';
import { format } from '@/lib/i18n/locale';
import type { WizardMessages } from '@/lib/i18n/messages/wizard';
import { neighbours, WIZARD_STEPS, type WizardStep } from '@/lib/wizard/steps';
import { primaryButton, secondaryButton } from '@/components/ui/styles';
import { ProviderSwitch } from './provider-switch';

type WizardText = WizardMessages['wizard'];

/** Provider id → each step's short label and title in that provider's words. */
export type StepLabelsByProvider = Record<string, Record<WizardStep, { short: string; title: string }>>;

/** A step's short label or title, following the provider the steps are about when labels are given. */
function StepLabel({ step, kind, text, labels }: { step: WizardStep; kind: 'short' | 'title'; text: WizardText; labels?: StepLabelsByProvider }) {
  if (!labels) return text.steps[step][kind];
  const variants = Object.fromEntries(Object.entries(labels).map(([id, steps]) => [id, steps[step][kind]]));
  return <ProviderSwitch variants={variants} />;
}

/**
 * The progress indicator, drawn inside every step with that step marked current, so it is
 * right in the server HTML and needs no script. Only the shown step's copy is visible.
 */
function StepProgress({ current, text, labels }: { current: WizardStep; text: WizardText; labels?: StepLabelsByProvider }) {
  const currentIndex = WIZARD_STEPS.indexOf(current);
  return (
    <nav aria-label={text.progressLabel} className="mb-6">
      <ol className="flex items-start gap-1 sm:gap-2">
        {WIZARD_STEPS.map((step, index) => {
          const isCurrent = step === current;
          const isPast = index < currentIndex;
          return (
            <li key={step} className="min-w-0 flex-1">
              <a
                href={`#${step}`}
                aria-current={isCurrent ? 'step' : undefined}
                className="group flex flex-col items-center gap-1 rounded-md px-0.5 py-1 text-center text-xs no-underline sm:text-sm"
              >
                <span
                  aria-hidden="true"
                  className={`flex size-8 items-center justify-center rounded-full border-2 text-sm font-semibold ${
                    isCurrent
                      ? 'border-blue-700 bg-blue-700 text-white dark:border-blue-400 dark:bg-blue-400 dark:text-slate-950'
                      : isPast
                        ? 'border-blue-700 bg-white text-blue-800 dark:border-blue-400 dark:bg-slate-950 dark:text-blue-200'
                        : 'border-slate-400 bg-white text-slate-700 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-300'
                  }`}
                >
                  {index + 1}
                </span>
                <span className="sr-only">{format(text.stepNumber, { n: index + 1 })}: </span>
                <span
                  className={`hidden leading-tight sm:block ${
                    isCurrent ? 'font-semibold text-slate-900 dark:text-slate-50' : 'text-slate-600 dark:text-slate-300'
                  } group-hover:underline`}
                >
                  <StepLabel step={step} kind="short" text={text} labels={labels} />
                </span>
                <span className="sr-only sm:hidden">
                  <StepLabel step={step} kind="short" text={text} labels={labels} />
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** One step of the wizard: progress, heading, content, back and next. */
export function StepPanel({
  step,
  text,
  labels,
  children,
}: {
  step: WizardStep;
  text: WizardText;
  labels?: StepLabelsByProvider;
  children: ReactNode;
}) {
  const index = WIZARD_STEPS.indexOf(step);
  const { previous, next } = neighbours(step);
  const headingId = `${step}-heading`;
  return (
    <section id={step} data-step-panel aria-labelledby={headingId} className="scroll-mt-4">
      <StepProgress current={step} text={text} labels={labels} />
      <p className="text-sm font-medium text-slate-600 dark:text-slate-300">
        {format(text.stepOf, { n: index + 1, total: WIZARD_STEPS.length })}
      </p>
      <h2 id={headingId} data-step-heading tabIndex={-1} className="mt-1 text-xl font-semibold sm:text-2xl">
        <StepLabel step={step} kind="title" text={text} labels={labels} />
      </h2>
      <div className="mt-4">{children}</div>
      <div className="mt-8 flex flex-wrap justify-between gap-3 border-t border-slate-200 pt-6 dark:border-slate-800">
        {previous ? (
          <a href={`#${previous}`} className={secondaryButton}>
            <span aria-hidden="true">←</span> {text.back}
            <span className="sr-only">
              : <StepLabel step={previous} kind="title" text={text} labels={labels} />
            </span>
          </a>
        ) : (
          <span />
        )}
        {next && (
          <a href={`#${next}`} className={primaryButton}>
            {text.next}
            <span className="sr-only">
              : <StepLabel step={next} kind="title" text={text} labels={labels} />
            </span>{' '}
            <span aria-hidden="true">→</span>
          </a>
        )}
      </div>
    </section>
  );
}

import type { ReactNode } from 'react';
import { format } from '@/lib/i18n/locale';
import type { WizardMessages } from '@/lib/i18n/messages/wizard';
import { neighbours, WIZARD_STEPS, type WizardStep } from '@/lib/wizard/steps';
import { StepLabel } from './provider-scope';

type WizardText = WizardMessages['wizard'];

/**
 * The progress indicator, drawn once above the steps. Which item is current (and which are done)
 * follows the shown step through CSS on `html[data-wizard]` (app/globals.css), so it is right on
 * first paint, before any script of the page runs; the step navigator marks the current item
 * `aria-current="step"` for screen readers. Without JavaScript it is a table of contents.
 */
export function StepProgress({ text }: { text: WizardText }) {
  return (
    <nav aria-label={text.progressLabel} data-step-progress className="mb-6 scroll-mt-4">
      <ol className="flex items-start gap-1 sm:gap-2">
        {WIZARD_STEPS.map((step, index) => (
          <li key={step} data-progress-step={step} className="min-w-0 flex-1">
            <a href={`#${step}`} className="progress-item">
              <span aria-hidden="true" className="progress-dot">
                {index + 1}
              </span>
              <span className="sr-only">{format(text.stepNumber, { n: index + 1 })}: </span>
              <span className="progress-label">
                <StepLabel step={step} kind="short" />
              </span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** One step of the wizard: heading, content, back and next. */
export function StepPanel({ step, text, children }: { step: WizardStep; text: WizardText; children: ReactNode }) {
  const index = WIZARD_STEPS.indexOf(step);
  const { previous, next } = neighbours(step);
  const headingId = `${step}-heading`;
  return (
    <section id={step} data-step-panel aria-labelledby={headingId} className="scroll-mt-4">
      <p className="muted-text font-medium">
        {format(text.stepOf, { n: index + 1, total: WIZARD_STEPS.length })}
      </p>
      <h2 id={headingId} data-step-heading tabIndex={-1} className="mt-1 text-xl font-semibold sm:text-2xl">
        <StepLabel step={step} kind="title" />
      </h2>
      <div className="mt-4">{children}</div>
      <div className="step-links">
        {previous ? (
          <a href={`#${previous}`} className="btn-secondary">
            <span aria-hidden="true">←</span> {text.back}
            <span className="sr-only">
              : <StepLabel step={previous} kind="title" />
            </span>
          </a>
        ) : (
          <span />
        )}
        {next && (
          <a href={`#${next}`} className="btn-primary">
            {text.next}
            <span className="sr-only">
              : <StepLabel step={next} kind="title" />
            </span>{' '}
            <span aria-hidden="true">→</span>
          </a>
        )}
      </div>
    </section>
  );
}

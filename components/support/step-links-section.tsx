import type { SupportMessages } from '@/lib/i18n/messages/support';
import type { WizardMessages as Messages } from '@/lib/i18n/messages/wizard';
import { WIZARD_STEPS, type WizardStep } from '@/lib/wizard/steps';
import { StepLinks } from './step-links';

/** The console's list of wizard-step links, under its own heading. */
export function StepLinksSection({
  text,
  wizardText,
  providerId,
}: {
  text: SupportMessages;
  wizardText: Messages['wizard'];
  /** The customer's provider, on a session's page. */
  providerId?: string | null;
}) {
  const stepTitles = Object.fromEntries(WIZARD_STEPS.map((step) => [step, wizardText.steps[step].title])) as Record<WizardStep, string>;
  return (
    <section aria-labelledby="links-title" className="mt-10">
      <h2 id="links-title" className="text-lg font-semibold">
        {text.home.linksTitle}
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{text.home.linksLead}</p>
      <StepLinks
        stepTitles={stepTitles}
        copyText={text.session.copyLink}
        copiedText={text.session.copied}
        failedText={text.session.copyFailed}
        providerId={providerId}
      />
    </section>
  );
}

import { wizardStepHref } from '@/lib/wizard/provider-hint';
import { isWizardStep, WIZARD_STEPS, type WizardStep } from '@/lib/wizard/steps';

// Where a customer can be while asking for help: a step of the wizard, or the /accounts page.
// Staff can suggest only wizard steps; "accounts" is a place, not a step to send someone to.

export type HelpStep = WizardStep | 'accounts';

export const HELP_STEPS: readonly HelpStep[] = [...WIZARD_STEPS, 'accounts'];

export function isHelpStep(value: unknown): value is HelpStep {
  return typeof value === 'string' && (HELP_STEPS as readonly string[]).includes(value);
}

/**
 * The deep link of a wizard step, as staff paste it into a chat; with the customer's provider
 * when known, so the link shows that provider's steps even in a tab without the address.
 */
export function stepLink(origin: string, step: WizardStep, providerId?: string | null): string {
  return wizardStepHref(step, providerId, origin);
}

export { isWizardStep };

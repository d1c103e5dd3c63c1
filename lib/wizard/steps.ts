import type { GuideStep } from '@/lib/mail-check/types';

// The wizard's steps, in order. The ids are the anchors of the setup guide's sections, so a link
// support staff paste into a chat (`/#access-settings`) opens the same step for everyone.
export type WizardStep = GuideStep | 'result';

export const WIZARD_STEPS: readonly WizardStep[] = [
  'core-parameters-configuration',
  'access-settings',
  'enable-service-and-get-code',
  'configure-in-client',
  'result',
];

export const FIRST_STEP: WizardStep = 'core-parameters-configuration';

// Anchors of the guide that are not steps of their own but lead into one.
const STEP_ALIASES: Readonly<Record<string, WizardStep>> = {
  'get-client-authorization-code': 'access-settings',
};

/** Where the wizard keeps the current step for the tab; the code is never stored anywhere. */
export const STEP_STORAGE_KEY = 'wizard:step';

export function isWizardStep(value: string | null | undefined): value is WizardStep {
  return value != null && (WIZARD_STEPS as readonly string[]).includes(value);
}

/** The step a location hash names, through aliases; `undefined` for any other anchor. */
export function stepFromHash(hash: string): WizardStep | undefined {
  const id = decodeURIComponent(hash.replace(/^#/, ''));
  if (isWizardStep(id)) return id;
  return STEP_ALIASES[id];
}

export function neighbours(step: WizardStep): { previous?: WizardStep; next?: WizardStep } {
  const index = WIZARD_STEPS.indexOf(step);
  return { previous: WIZARD_STEPS[index - 1], next: WIZARD_STEPS[index + 1] };
}

/**
 * Runs in the HTML before the steps are painted, so a deep link or a reload shows its step at
 * once instead of flashing step 1. It only sets `data-wizard` on <html>; the CSS shows the step
 * named there, and without JavaScript every step shows as one long guide. Same rules as
 * `stepFromHash`, written out because it runs before any bundle loads.
 */
export function stepBootScript(): string {
  const steps = JSON.stringify(WIZARD_STEPS);
  const aliases = JSON.stringify(STEP_ALIASES);
  const key = JSON.stringify(STEP_STORAGE_KEY);
  const first = JSON.stringify(FIRST_STEP);
  return `(function(){var s=${steps},a=${aliases},d=document.documentElement,h="";try{h=decodeURIComponent(location.hash.slice(1))}catch(e){}var t=s.indexOf(h)>=0?h:a[h];if(!t){try{t=sessionStorage.getItem(${key})}catch(e){}}d.setAttribute("data-wizard",s.indexOf(t)>=0?t:${first})})()`;
}

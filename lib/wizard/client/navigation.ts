import { FIRST_STEP, STEP_STORAGE_KEY, stepFromHash, type WizardStep } from '@/lib/wizard/steps';

// Browser-side step changes. The location hash is the source of truth: back and next are plain
// links to `#step`, the browser's own back button works, and `StepNavigator` turns every hash
// change into a shown step with focus on its heading.

let pendingFocusId: string | null = null;

/** Shows `step` on the page and remembers it for the tab (the code is never stored). */
export function showStep(step: WizardStep, options: { moveFocus: boolean }): void {
  document.documentElement.setAttribute('data-wizard', step);
  // The progress indicator's look follows data-wizard in CSS; what a screen reader hears, here.
  // The server draws no aria-current at all, so a re-render of the page never moves it back.
  for (const item of document.querySelectorAll<HTMLElement>('[data-progress-step] > a')) {
    if (item.parentElement?.dataset.progressStep === step) item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
  }
  try {
    window.sessionStorage.setItem(STEP_STORAGE_KEY, step);
  } catch {
    // Without storage a reload falls back to the hash, which still names the step.
  }
  if (!options.moveFocus) return;
  const panel = document.getElementById(step);
  const target =
    (pendingFocusId && document.getElementById(pendingFocusId)) || panel?.querySelector<HTMLElement>('[data-step-heading]');
  pendingFocusId = null;
  // The progress indicator sits above the steps: the new step is read from there down.
  (document.querySelector('[data-step-progress]') ?? panel)?.scrollIntoView({ block: 'start' });
  target?.focus({ preventScroll: true });
}

/** The step the page should show when it loads: the hash, else the tab's last step. */
export function initialStep(): WizardStep {
  const fromHash = stepFromHash(window.location.hash);
  if (fromHash) return fromHash;
  try {
    return stepFromHash(window.sessionStorage.getItem(STEP_STORAGE_KEY) ?? '') ?? FIRST_STEP;
  } catch {
    return FIRST_STEP;
  }
}

/** Moves to `step` as a link would, focusing `focusId` (or the step's heading) once it shows. */
export function goToStep(step: WizardStep, focusId?: string): void {
  pendingFocusId = focusId ?? null;
  if (stepFromHash(window.location.hash) === step) {
    showStep(step, { moveFocus: true });
  } else {
    window.location.hash = step;
  }
}

'use client';

import { useEffect } from 'react';
import { preloadWizardLogic } from '@/lib/wizard/client/logic-loader';
import { initialStep, showStep } from '@/lib/wizard/client/navigation';
import { FIRST_STEP, stepFromHash, type WizardStep } from '@/lib/wizard/steps';

// Steps whose content checks or explains a check: the validation code is fetched on arrival.
const NEEDS_LOGIC: ReadonlySet<WizardStep> = new Set(['configure-in-client', 'result']);

/**
 * Keeps the shown step in line with the location hash. Renders nothing: the steps, the progress
 * indicator and the back and next links are server HTML, and the boot script has already shown
 * the right step before this runs.
 */
export function StepNavigator() {
  useEffect(() => {
    const step = initialStep();
    showStep(step, { moveFocus: false });
    if (NEEDS_LOGIC.has(step)) preloadWizardLogic();
    // A step restored from the tab's storage gets its address back, so the URL can be shared.
    if (window.location.hash === '' && step !== FIRST_STEP) {
      window.history.replaceState(window.history.state, '', `#${step}`);
    }
    const onHashChange = (event: HashChangeEvent) => {
      // The hash this event is about: a soft navigation (a provider's steps arriving) may have
      // rewritten the address between the change and this event, with the step it started from.
      const hash = new URL(event.newURL).hash;
      // Going back to the bare URL means going back to the start.
      const next = hash === '' ? FIRST_STEP : stepFromHash(hash);
      if (!next) return;
      showStep(next, { moveFocus: true });
      if (NEEDS_LOGIC.has(next)) preloadWizardLogic();
      if (window.location.hash !== hash) {
        const { pathname, search } = window.location;
        window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
      }
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return null;
}

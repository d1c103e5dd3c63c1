import type { Resolver } from 'react-hook-form';
import type { MailProvider, SecretKind } from '@/lib/providers/types';
import type { Locale } from '@/lib/i18n/locale';
import type { ConnectMailboxInput, ConnectMailboxValues } from '@/lib/accounts/schema';
import type { ManualServerInput, ManualServerValues } from '@/lib/discovery/manual';
import { onDemand, useOnDemand } from './on-demand';

// The validation code (zod, the shared schemas, detection) is about half of the wizard's
// JavaScript and is needed only once someone types, or reaches the code step. It is fetched
// then, not before the page can be used; until it arrives the steps show the 163.com defaults.

type WizardLogic = typeof import('./logic');

// Providers assembled at run time (practice mode's) that detection must know once it is here.
const pendingProviders: MailProvider[] = [];

const wizardLogic = onDemand<WizardLogic>(
  () => import('./logic'),
  (logic) => {
    for (const provider of pendingProviders.splice(0)) logic.addRuntimeProvider(provider);
  },
);

export const loadWizardLogic = wizardLogic.load;

/** Starts the download and ignores a failure; the next trigger retries. */
export const preloadWizardLogic = wizardLogic.preload;

/** The validation code once it is here (null before); `needed` starts the download. */
export function useWizardLogic(needed: boolean): WizardLogic | null {
  return useOnDemand(wizardLogic, needed);
}

/**
 * Makes `provider` known to address detection in this tab: now if detection is here, else as it
 * arrives, before it detects anything. Nothing is fetched for it: a page that is only looked at
 * does not download the provider registry.
 */
export function registerRuntimeProviderOnLoad(provider: MailProvider): void {
  const logic = wizardLogic.current();
  if (logic) logic.addRuntimeProvider(provider);
  else pendingProviders.push(provider);
}

/**
 * The shared schema's resolver, fetched at the first validation if it is not here yet; the code
 * cleaned as `secretKind` says (that of the provider the address names, none while unknown).
 */
export function lazyConnectMailboxResolver(
  locale: Locale,
  secretKind?: SecretKind,
): Resolver<ConnectMailboxInput, unknown, ConnectMailboxValues> {
  return async (values, context, options) => {
    const logic = await loadWizardLogic();
    return logic.connectMailboxResolver(locale, secretKind)(values, context, options);
  };
}

/** The manual server schema's resolver, fetched at the first validation if it is not here yet. */
export function lazyManualServerResolver(locale: Locale): Resolver<ManualServerInput, unknown, ManualServerValues> {
  return async (values, context, options) => {
    const logic = await loadWizardLogic();
    return logic.manualServerResolver(locale)(values, context, options);
  };
}

import { useEffect, useSyncExternalStore } from 'react';
import type { Resolver } from 'react-hook-form';
import type { SecretKind } from '@/lib/providers/types';
import type { Locale } from '@/lib/i18n/locale';
import type { ConnectMailboxInput, ConnectMailboxValues } from '@/lib/accounts/schema';
import type { ManualServerInput, ManualServerValues } from '@/lib/discovery/manual';

// The validation code (zod, the shared schemas, detection) is about half of the wizard's
// JavaScript and is needed only once someone types, or reaches the code step. It is fetched
// then, not before the page can be used; until it arrives the steps show the 163.com defaults.

type WizardLogic = typeof import('./logic');

let loaded: WizardLogic | null = null;
let loading: Promise<WizardLogic> | null = null;
const listeners = new Set<() => void>();

export function loadWizardLogic(): Promise<WizardLogic> {
  loading ??= import('./logic').then(
    (logic) => {
      loaded = logic;
      listeners.forEach((listener) => listener());
      return logic;
    },
    (error: unknown) => {
      // A dropped connection must not make the failure permanent: the next call tries again.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Starts the download and ignores a failure; the next trigger retries. */
export function preloadWizardLogic(): void {
  loadWizardLogic().catch(() => {});
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The validation code once it is here (null before); `needed` starts the download. */
export function useWizardLogic(needed: boolean): WizardLogic | null {
  const logic = useSyncExternalStore(
    subscribe,
    () => loaded,
    () => null,
  );
  useEffect(() => {
    if (needed) preloadWizardLogic();
  }, [needed]);
  return logic;
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

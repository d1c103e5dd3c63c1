'use client';

import { useEffect } from 'react';
import { PROVIDER_HINT_PARAM, providerHintOf } from '@/lib/wizard/provider-hint';
import { addressStore, providerChoiceStore } from '@/lib/wizard/client/stores';

/**
 * Takes a link's `?provider=` hint (see lib/wizard/provider-hint.ts) as the chooser's pick when
 * the tab has no address yet, so the steps stay that provider's when the reader moves on. The
 * address bar is kept in line with the provider shown by <ProviderScope>. Renders nothing.
 */
export function ProviderHint({ providerIds }: { providerIds: readonly string[] }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(PROVIDER_HINT_PARAM)) return;
    const hint = providerHintOf(url.search, providerIds);
    if (hint && addressStore.get().trim() === '') providerChoiceStore.set(hint);
  }, [providerIds]);
  return null;
}

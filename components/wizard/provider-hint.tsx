'use client';

import { useEffect } from 'react';
import { PROVIDER_HINT_PARAM, providerHintOf } from '@/lib/wizard/provider-hint';
import { addressStore, providerChoiceStore } from '@/lib/wizard/client/stores';

/**
 * Takes a link's `?provider=` hint (see lib/wizard/provider-hint.ts) as the chooser's pick when
 * the tab has no address yet, then drops it from the URL, so a reload or a later pick in the
 * chooser is not overruled by it. Renders nothing.
 */
export function ProviderHint({ providerIds }: { providerIds: readonly string[] }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(PROVIDER_HINT_PARAM)) return;
    const hint = providerHintOf(url.search, providerIds);
    if (hint && addressStore.get().trim() === '') providerChoiceStore.set(hint);
    url.searchParams.delete(PROVIDER_HINT_PARAM);
    window.history.replaceState(window.history.state, '', url);
  }, [providerIds]);
  return null;
}

'use client';

import { useEffect } from 'react';
import type { MailProvider } from '@/lib/providers/types';

/**
 * Makes the practice provider known to address detection in the browser, so the wizard's steps
 * recognise a practice address and show its servers as they do NetEase's. The registry comes
 * with the wizard's lazily loaded validation code; it is fetched here rather than imported, so
 * the page's first load does not grow. Registering first, the registry is ready before that
 * code runs any detection.
 */
export function PracticeProviderRegistration({ provider }: { provider: MailProvider }) {
  useEffect(() => {
    import('@/lib/providers/registry')
      .then(({ getProvider, registerRuntimeProvider }) => {
        if (!getProvider(provider.id)) registerRuntimeProvider(provider);
      })
      // Without it a practice address reads as an unknown provider until the check, which
      // still works: the server knows the practice provider.
      .catch(() => {});
  }, [provider]);
  return null;
}

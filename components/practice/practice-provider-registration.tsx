'use client';

import { useEffect } from 'react';
import type { MailProvider } from '@/lib/providers/types';
import { registerRuntimeProviderOnLoad } from '@/lib/wizard/client/logic-loader';

/**
 * Makes the practice provider known to address detection in the browser, so the wizard's steps
 * recognise a practice address and show its servers as they do NetEase's. Detection and the
 * provider registry come with the wizard's validation code, fetched once someone types; the
 * provider is registered as that code arrives, before it detects anything, so a page that is
 * only looked at fetches nothing for it.
 */
export function PracticeProviderRegistration({ provider }: { provider: MailProvider }) {
  useEffect(() => {
    registerRuntimeProviderOnLoad(provider);
  }, [provider]);
  return null;
}

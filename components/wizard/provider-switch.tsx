'use client';

import type { ReactNode } from 'react';
import { DEFAULT_PROVIDER_ID, useActiveProviderId } from '@/lib/wizard/client/shown-domain';

/**
 * Shows the variant for the provider the steps are about; NetEase's for a provider without a
 * variant of its own (practice mode's, which follows NetEase's rules). The variants are server
 * HTML: this only picks one.
 */
export function ProviderSwitch({ variants }: { variants: Record<string, ReactNode> }) {
  const id = useActiveProviderId();
  return <>{Object.hasOwn(variants, id) ? variants[id] : variants[DEFAULT_PROVIDER_ID]}</>;
}

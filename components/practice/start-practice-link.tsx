'use client';

import Link from 'next/link';
import { primaryButton } from '@/components/ui/styles';
import { addressStore } from '@/lib/wizard/client/stores';

/** Into the wizard's first step with the practice address already filled in. */
export function StartPracticeLink({ address, text }: { address: string; text: string }) {
  return (
    <Link href="/#core-parameters-configuration" className={primaryButton} onClick={() => addressStore.set(address)}>
      {text}
    </Link>
  );
}

'use client';

import { useSyncExternalStore } from 'react';
import { ACCOUNTS_ERROR_MESSAGES } from '@/lib/i18n/messages/accounts-error';

// An error boundary cannot read the locale cookie on the server; <html lang> says the same.
const subscribe = () => () => {};
const readLocale = () => (document.documentElement.lang.startsWith('en') ? 'en' : 'zh');

/** A bug while rendering /accounts: say so plainly and offer another try. */
export default function AccountsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useSyncExternalStore(subscribe, readLocale, () => 'zh' as const);
  const text = ACCOUNTS_ERROR_MESSAGES[locale];
  return (
    <main className="mx-auto max-w-2xl px-4 pt-8 pb-16 sm:pt-12">
      <h1 className="text-2xl font-semibold">{text.title}</h1>
      <p role="alert" className="mt-3 leading-7">
        {text.body}
      </p>
      <button type="button" className="btn-primary mt-5" onClick={reset}>
        {text.retry}
      </button>
    </main>
  );
}

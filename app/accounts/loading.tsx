import { ACCOUNTS_MESSAGES } from '@/lib/i18n/messages/accounts';
import { getLocale } from '@/lib/i18n/server';

/** Shown while the list is read; the same frame as the page, so nothing jumps when it arrives. */
export default async function AccountsLoading() {
  const text = ACCOUNTS_MESSAGES[await getLocale()];
  return (
    <main className="mx-auto max-w-2xl px-4 pt-8 pb-16 sm:pt-12">
      <h1 className="text-2xl font-semibold sm:text-3xl">{text.title}</h1>
      <p role="status" className="mt-3 body-text">
        {text.loading}
      </p>
    </main>
  );
}

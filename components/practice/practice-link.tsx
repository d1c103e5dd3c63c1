import Link from 'next/link';
import { PRACTICE_MESSAGES } from '@/lib/i18n/messages/practice';
import { getPracticeMode } from '@/lib/practice/practice-mode';
import { PRACTICE_PAGE_PATH } from '@/lib/practice/provider';
import type { Locale } from '@/lib/i18n/locale';
import { PracticeProviderRegistration } from './practice-provider-registration';

/**
 * The wizard header's pointer to the practice mailbox, beside the language switch; nothing at
 * all when practice mode is off. In the header bar it takes no height, so the steps below sit
 * exactly where they do without it.
 */
export function PracticeLink({ locale }: { locale: Locale }) {
  const practice = getPracticeMode();
  if (!practice) return null;
  const text = PRACTICE_MESSAGES[locale].wizardLink;
  // The browser's copy is for address detection (servers, names, the code's format): the table
  // of the server's error texts and the guide (drawn by the server) stay out of every page.
  const detected = { ...practice.provider, knownErrors: [], guide: undefined, notes: undefined, helpLinks: undefined, assumptions: undefined };
  return (
    <>
      <PracticeProviderRegistration provider={detected} />
      <Link
        href={PRACTICE_PAGE_PATH}
        title={text.title}
        className="ml-auto inline-flex min-h-10 items-center rounded-lg px-2 text-sm font-medium whitespace-nowrap text-blue-700 underline underline-offset-2 hover:text-blue-900 dark:text-blue-300 dark:hover:text-blue-200"
      >
        {text.link}
      </Link>
    </>
  );
}

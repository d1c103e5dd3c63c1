import Link from 'next/link';
import { textLink } from '@/components/ui/styles';
import { PRACTICE_MESSAGES } from '@/lib/i18n/messages/practice';
import { getPracticeMode } from '@/lib/practice/practice-mode';
import { PRACTICE_PAGE_PATH } from '@/lib/practice/provider';
import type { Locale } from '@/lib/providers/types';
import { PracticeProviderRegistration } from './practice-provider-registration';

/** The wizard's pointer to the practice mailbox; nothing at all when practice mode is off. */
export function PracticeLink({ locale }: { locale: Locale }) {
  const practice = getPracticeMode();
  if (!practice) return null;
  const text = PRACTICE_MESSAGES[locale].wizardLink;
  return (
    <p className="mt-4 text-sm leading-6 text-slate-700 dark:text-slate-300">
      <PracticeProviderRegistration provider={practice.provider} />
      {text.text}{' '}
      <Link href={PRACTICE_PAGE_PATH} className={textLink}>
        {text.link}
      </Link>
    </p>
  );
}

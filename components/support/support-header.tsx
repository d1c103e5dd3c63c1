import Link from 'next/link';
import { textLink } from '@/components/ui/styles';
import { LocaleSwitch, type SwitchLocaleAction } from '@/components/wizard/locale-switch';
import { AUTH_MESSAGES } from '@/lib/i18n/messages/auth';
import type { SupportMessages } from '@/lib/i18n/messages/support';
import type { WizardMessages as Messages } from '@/lib/i18n/messages/wizard';
import { getPracticeMode } from '@/lib/practice/practice-mode';
import { PRACTICE_PAGE_PATH } from '@/lib/practice/provider';
import type { Locale } from '@/lib/i18n/locale';

/** The console's header: its pages, the wizard, the staff member's own mailboxes, the language switch (whose action the page passes in). */
export function SupportHeader({
  locale,
  text,
  headerText,
  switchLocale,
}: {
  locale: Locale;
  text: SupportMessages;
  headerText: Messages['header'];
  switchLocale: SwitchLocaleAction;
}) {
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <nav aria-label={text.meta.title}>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <Link href="/support" className={textLink}>
                {text.nav.home}
              </Link>
            </li>
            <li>
              <Link href="/support/attempts" className={textLink}>
                {text.nav.attempts}
              </Link>
            </li>
            <li>
              <Link href="/" className={textLink}>
                {text.nav.wizard}
              </Link>
            </li>
            <li>
              <Link href="/accounts" className={textLink}>
                {AUTH_MESSAGES[locale].account.mailboxes}
              </Link>
            </li>
            {/* For rehearsing a handoff without a customer; absent when practice mode is off. */}
            {getPracticeMode() && (
              <li>
                <Link href={PRACTICE_PAGE_PATH} className={textLink}>
                  {text.nav.practice}
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <LocaleSwitch locale={locale} text={headerText} action={switchLocale} />
      </div>
    </header>
  );
}

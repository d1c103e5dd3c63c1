import { switchLocale } from '@/app/actions';
import type { Locale } from '@/lib/i18n/locale';
import type { Messages } from '@/lib/i18n/messages/zh';

/**
 * The language switch: a one-button form posting to a server action, so it works before (and
 * without) any script, and the page comes back in the other language at the same step.
 */
export function LocaleSwitch({ locale, text }: { locale: Locale; text: Messages['header'] }) {
  const other: Locale = locale === 'zh' ? 'en' : 'zh';
  return (
    <form action={switchLocale}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={text.switchToLang}
        aria-label={text.switchLabel}
        className="min-h-10 rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {text.switchTo}
      </button>
    </form>
  );
}

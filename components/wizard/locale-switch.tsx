import type { Locale } from '@/lib/i18n/locale';
import type { WizardMessages as Messages } from '@/lib/i18n/messages/wizard';

/** The language switch's server action (app/actions.ts `switchLocale`), passed in by the page. */
export type SwitchLocaleAction = (formData: FormData) => Promise<void>;

/**
 * The language switch: a one-button form posting to a server action, so it works before (and
 * without) any script, and the page comes back in the other language at the same step.
 */
export function LocaleSwitch({ locale, text, action }: { locale: Locale; text: Messages['header']; action: SwitchLocaleAction }) {
  const other: Locale = locale === 'zh' ? 'en' : 'zh';
  return (
    <form action={action} className="shrink-0">
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={text.switchToLang}
        aria-label={text.switchLabel}
        className="min-h-10 rounded-lg border border-slate-300 px-3 text-sm font-medium whitespace-nowrap hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {text.switchTo}
      </button>
    </form>
  );
}

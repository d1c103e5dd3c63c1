import { LangRuns } from '@/components/ui/lang-runs';
import type { Locale } from '@/lib/i18n/locale';
import type { WizardMessages } from '@/lib/i18n/messages/wizard';

/** Questions people ask about codes, as disclosure widgets: readable without any script. */
export function Faq({ text, locale }: { text: WizardMessages['faq']; locale: Locale }) {
  return (
    <section id="faq" aria-labelledby="faq-heading" className="mt-16">
      <h2 id="faq-heading" className="text-xl font-semibold">
        {text.title}
      </h2>
      <div className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {text.items.map((item) => (
          <details key={item.q} className="group p-4">
            <summary className="cursor-pointer font-medium marker:text-slate-500">
              <LangRuns text={item.q} locale={locale} />
            </summary>
            {item.a.map((paragraph) => (
              <p key={paragraph} className="mt-3 body-text">
                <LangRuns text={paragraph} locale={locale} />
              </p>
            ))}
          </details>
        ))}
      </div>
    </section>
  );
}

/** The safety tips, always open: they are short and they matter. */
export function SafetyTips({ text }: { text: WizardMessages['tips'] }) {
  return (
    <section id="safety-tips" aria-labelledby="tips-heading" className="mt-12">
      <h2 id="tips-heading" className="text-xl font-semibold">
        {text.title}
      </h2>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {text.items.map((tip) => (
          <li key={tip.title} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            <p className="font-medium">{tip.title}</p>
            <p className="mt-1 small-text">{tip.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

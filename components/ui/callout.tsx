import type { Locale } from '@/lib/i18n/locale';
import { LangRuns } from './lang-runs';

/**
 * A numbered marker. The same number appears in a step's instructions and on its drawing, so
 * the reader can match the text to the spot on the screen.
 */
export function Callout({ n, className = '' }: { n: number; className?: string }) {
  return (
    <span
      className={`inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-orange-600 text-xs font-bold text-white ring-2 ring-white dark:bg-orange-400 dark:text-slate-950 dark:ring-slate-900 ${className}`}
    >
      {n}
    </span>
  );
}

/** Numbered instructions whose markers match the drawings' call-outs; numbering starts at `start`. */
export function CalloutList({
  items,
  start = 1,
  locale,
}: {
  items: readonly string[];
  start?: number;
  locale: Locale;
}) {
  return (
    <ol role="list" className="mt-4 space-y-3">
      {items.map((item, index) => (
        <li key={item} className="flex gap-3 leading-7">
          <Callout n={start + index} className="mt-0.5" />
          <span className="min-w-0">
            <LangRuns text={item} locale={locale} />
          </span>
        </li>
      ))}
    </ol>
  );
}

import { Callout } from '@/components/ui/callout';
import type { GuideFigureText } from '@/lib/i18n/messages/written-guides';
import { Figure } from './figure';

/** A mail app's account form with the code pasted where the password goes (1). */
export function ClientPasswordIllustration({ text }: { text: GuideFigureText['client'] }) {
  return (
    <Figure id="figure-client" title={text.title} description={text.description}>
      <div className="p-4 text-xs">
        <div className="mx-auto max-w-sm space-y-3 rounded-lg border border-slate-300 bg-white p-3 dark:border-slate-600 dark:bg-slate-950">
          <div>
            <p className="text-slate-600 dark:text-slate-300">{text.email}</p>
            <p className="mt-1 rounded border border-slate-300 px-2 py-1.5 font-mono dark:border-slate-600">zhangsan@163.com</p>
          </div>
          <div>
            <p className="flex items-center gap-2 text-slate-600 dark:text-slate-300">
              {text.password}
              <span className="rounded bg-orange-100 px-1.5 text-orange-900 dark:bg-orange-900 dark:text-orange-100">{text.pasteHint}</span>
            </p>
            <p className="mt-1 flex items-center gap-2">
              <span className="min-w-0 flex-1 truncate rounded border border-slate-300 px-2 py-1.5 font-mono tracking-widest ring-2 ring-orange-500 dark:border-slate-600">
                ●●●●●●●●●●●●●●●●
              </span>
              <Callout n={1} />
            </p>
          </div>
        </div>
      </div>
    </Figure>
  );
}

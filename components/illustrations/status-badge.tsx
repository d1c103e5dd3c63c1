import { Callout } from '@/components/ui/callout';
import type { GuideFigureText } from '@/lib/i18n/messages/written-guides';
import { Figure } from './figure';

/** The badge a working mailbox gets: 「正常」 (OK). Also used as the success mark. */
export function StatusBadge({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-green-100 px-2.5 py-0.5 text-sm font-semibold text-green-900 dark:bg-green-900 dark:text-green-50">
      <span aria-hidden="true" className="size-2 rounded-full bg-green-600 dark:bg-green-400" />
      {label}
    </span>
  );
}

/** An account list with the mailbox shown as working. */
export function StatusBadgeIllustration({
  text,
  statusLabel,
  address = 'zhangsan@163.com',
}: {
  text: GuideFigureText['status'];
  statusLabel: string;
  address?: string;
}) {
  return (
    <Figure id="figure-status" title={text.title} description={text.description}>
      <div className="p-4 text-xs">
        <div className="mx-auto max-w-sm rounded-lg border border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-950">
          <p className="border-b border-slate-200 px-3 py-2 font-semibold dark:border-slate-700">{text.account}</p>
          <p className="flex items-center gap-2 px-3 py-2.5">
            <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-full bg-blue-100 font-semibold text-blue-900 dark:bg-blue-900 dark:text-blue-50">
              Z
            </span>
            <span className="min-w-0 flex-1 truncate font-mono">{address}</span>
            <StatusBadge label={statusLabel} />
            <Callout n={2} />
          </p>
        </div>
      </div>
    </Figure>
  );
}

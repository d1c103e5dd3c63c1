import { Callout } from '@/components/ui/callout';
import type { GuideFigureText } from '@/lib/i18n/messages/written-guides';
import { Figure } from './figure';

// Made-up letters (no I or O, as code alphabets often skip them), labelled as a sample: it must
// never look like a code someone could use.
export const SAMPLE_CODE = 'ABCDEFGHJKLMNPQR';

/** The dialog showing the new code once, with a copy hint (6). */
export function CodeDialogIllustration({ text }: { text: GuideFigureText['code'] }) {
  return (
    <Figure id="figure-code" title={text.title} description={text.description} lang="zh-CN">
      <div className="p-4 text-xs">
        <div className="mx-auto max-w-sm rounded-lg border border-slate-300 bg-white p-3 shadow dark:border-slate-600 dark:bg-slate-950">
          <p className="font-semibold">客户端授权密码</p>
          <p className="mt-2 text-slate-600 dark:text-slate-300">新的授权密码：</p>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <span className="rounded border border-dashed border-slate-400 px-2 py-1 font-mono text-sm tracking-wider break-all ring-2 ring-orange-500">
              {SAMPLE_CODE}
            </span>
            <span className="rounded bg-slate-200 px-1.5 py-0.5 text-[10px] font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-100">
              {text.sample}
            </span>
          </div>
          <p className="mt-3 flex items-center gap-2">
            <span className="rounded border border-slate-400 px-2 py-0.5 dark:border-slate-500">{text.copyHint}</span>
            <span className="text-red-700 dark:text-red-300">{text.onceHint}</span>
            <Callout n={6} />
          </p>
        </div>
      </div>
    </Figure>
  );
}

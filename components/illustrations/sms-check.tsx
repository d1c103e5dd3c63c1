import { Callout } from '@/components/ui/callout';
import type { GuideFigureText } from '@/lib/i18n/messages/written-guides';
import { Figure, Placeholder } from './figure';

/** The SMS check: the message sent from the bound phone (4), then 我已发送 on the page (5). */
export function SmsCheckIllustration({ text }: { text: GuideFigureText['sms'] }) {
  return (
    <Figure id="figure-sms" title={text.title} description={text.description} lang="zh-CN">
      <div className="flex flex-col items-center gap-4 p-4 text-xs sm:flex-row sm:items-start sm:justify-center">
        <div className="w-full max-w-56 rounded-lg border border-slate-300 bg-white p-3 dark:border-slate-600 dark:bg-slate-950">
          <p className="font-semibold">安全验证</p>
          <p className="mt-2 leading-5 text-slate-700 dark:text-slate-300">请用绑定手机 138****0000 发送短信</p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-2 gap-y-1 font-mono">
            <dt className="text-slate-500 dark:text-slate-400">内容</dt>
            <dd>XXXX</dd>
            <dt className="text-slate-500 dark:text-slate-400">发送至</dt>
            <dd>106X XXXX XXXX</dd>
          </dl>
          <p className="mt-3 flex items-center gap-1.5">
            <span className="rounded bg-blue-700 px-2.5 py-1 font-semibold text-white ring-2 ring-orange-500 dark:bg-blue-500 dark:text-slate-950">
              我已发送
            </span>
            <Callout n={5} />
          </p>
        </div>
        <div className="flex items-start gap-1.5">
          <div className="w-36 rounded-[1.25rem] border-4 border-slate-700 bg-white p-2 dark:border-slate-400 dark:bg-slate-950">
            <div className="mx-auto mb-2 h-1 w-8 rounded bg-slate-300 dark:bg-slate-600" />
            <p className="text-center font-mono text-[10px] text-slate-500 dark:text-slate-400">106X XXXX XXXX</p>
            <div className="mt-2 space-y-1.5">
              <Placeholder width="w-2/3" />
              <p className="ml-auto w-fit rounded-lg rounded-br-none bg-green-700 px-2 py-1 font-mono text-white ring-2 ring-orange-500 dark:bg-green-400 dark:text-slate-950">
                XXXX
              </p>
              <p className="text-right text-[10px] text-slate-500 dark:text-slate-400">已发送 ✓</p>
            </div>
          </div>
          <Callout n={4} />
        </div>
      </div>
    </Figure>
  );
}

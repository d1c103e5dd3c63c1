import { Callout } from '@/components/ui/callout';
import type { GuideFigureText } from '@/lib/i18n/messages/written-guides';
import { BrowserFrame, Figure, Placeholder } from './figure';

/** Webmail with 设置 in the top bar (1) and POP3/SMTP/IMAP in the settings menu (2). */
export function WebmailSettingsIllustration({ text }: { text: GuideFigureText['webmail'] }) {
  return (
    <Figure id="figure-webmail" title={text.title} description={text.description} lang="zh-CN">
      <BrowserFrame url="mail.163.com">
        <div className="flex items-center gap-3 bg-blue-800 px-3 py-2 text-xs text-white dark:bg-blue-950">
          <span className="font-semibold">网易邮箱</span>
          <span className="hidden opacity-80 sm:inline">首页</span>
          <span className="opacity-80">通讯录</span>
          <span className="ml-auto flex items-center gap-1.5">
            <span className="rounded bg-white px-2 py-0.5 font-semibold text-blue-900 ring-2 ring-orange-500">设置</span>
            <Callout n={1} />
          </span>
        </div>
        <div className="flex min-h-32 text-xs">
          <ul className="w-2/5 max-w-40 shrink-0 space-y-1 border-r border-slate-300 bg-white p-2 dark:border-slate-700 dark:bg-slate-950">
            <li className="px-1.5 py-1 text-slate-600 dark:text-slate-300">常规设置</li>
            <li className="px-1.5 py-1 text-slate-600 dark:text-slate-300">签名</li>
            <li className="flex items-center gap-1">
              <span className="min-w-0 rounded bg-blue-100 px-1.5 py-1 font-semibold break-all text-blue-900 ring-2 ring-orange-500 dark:bg-blue-900 dark:text-blue-50">
                POP3/SMTP/IMAP
              </span>
              <Callout n={2} />
            </li>
            <li className="px-1.5 py-1 text-slate-600 dark:text-slate-300">反垃圾</li>
          </ul>
          <div className="flex-1 space-y-2 p-3">
            <Placeholder width="w-3/4" />
            <Placeholder width="w-1/2" />
            <Placeholder width="w-2/3" />
          </div>
        </div>
      </BrowserFrame>
    </Figure>
  );
}

import { Callout } from '@/components/ui/callout';
import type { GuideFigureText } from '@/lib/i18n/messages/written-guides';
import { BrowserFrame, Figure, SwitchOn } from './figure';

function Row({ label, n, children }: { label: string; n: number; children: React.ReactNode }) {
  return (
    <li className="flex items-center gap-2 border-b border-slate-200 py-2 last:border-b-0 dark:border-slate-700">
      <span className="min-w-0 flex-1 break-all">{label}</span>
      {children}
      <Callout n={n} />
    </li>
  );
}

/** The two service switches on (1, 2) and 开启 beside 客户端授权密码 (3). */
export function ServiceSwitchesIllustration({ text }: { text: GuideFigureText['switches'] }) {
  return (
    <Figure id="figure-switches" title={text.title} description={text.description} lang="zh-CN">
      <BrowserFrame url="mail.163.com">
        <div className="bg-white p-3 text-xs dark:bg-slate-950">
          <p className="font-semibold">POP3/SMTP/IMAP</p>
          <ul className="mt-2">
            <Row label="IMAP/SMTP服务" n={1}>
              <SwitchOn />
            </Row>
            <Row label="POP3/SMTP服务" n={2}>
              <SwitchOn />
            </Row>
            <Row label="客户端授权密码" n={3}>
              <span className="rounded bg-blue-700 px-2.5 py-1 font-semibold text-white ring-2 ring-orange-500 dark:bg-blue-500 dark:text-slate-950">
                开启
              </span>
            </Row>
          </ul>
        </div>
      </BrowserFrame>
    </Figure>
  );
}

import { CopyButton } from '@/components/ui/copy-button';
import { format } from '@/lib/i18n/locale';
import type { WizardMessages } from '@/lib/i18n/messages/wizard';
import type { MailEndpoints } from '@/lib/providers/types';

export type ServerTableText = Pick<
  WizardMessages['address'],
  'columns' | 'rows' | 'tls' | 'copy' | 'copyLabel' | 'copied' | 'copyFailed'
>;

const PROTOCOLS = ['imap', 'smtp', 'pop3'] as const;

/** The server settings of one mail domain, as a mail app's account form asks for them. */
export function ServerTable({
  endpoints,
  caption,
  text,
}: {
  endpoints: MailEndpoints;
  caption: string;
  text: ServerTableText;
}) {
  return (
    <table className="w-full table-fixed border-collapse text-left text-sm">
      <caption className="mb-2 text-left font-medium">{caption}</caption>
      <colgroup>
        <col className="w-[24%]" />
        <col />
        <col className="w-[14%]" />
        <col className="w-[20%]" />
      </colgroup>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-700">
          <th scope="col" className="py-2 pr-2 font-medium">
            {text.columns.service}
          </th>
          <th scope="col" className="py-2 pr-2 font-medium">
            {text.columns.host}
          </th>
          <th scope="col" className="py-2 pr-2 font-medium">
            {text.columns.port}
          </th>
          <th scope="col" className="py-2 font-medium">
            {text.columns.security}
          </th>
        </tr>
      </thead>
      <tbody>
        {PROTOCOLS.map((protocol) => {
          const endpoint = endpoints[protocol];
          if (!endpoint) return null;
          return (
            <tr key={protocol} className="border-b border-slate-200 align-middle dark:border-slate-800">
              <th scope="row" className="py-2 pr-2 font-normal">
                {text.rows[protocol]}
              </th>
              <td className="py-2 pr-2">
                <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="font-mono break-all">{endpoint.host}</span>
                  <CopyButton
                    value={endpoint.host}
                    text={text.copy}
                    label={format(text.copyLabel, { value: endpoint.host })}
                    copiedText={format(text.copied, { value: endpoint.host })}
                    failedText={text.copyFailed}
                  />
                </span>
              </td>
              <td className="py-2 pr-2 font-mono">{endpoint.port}</td>
              <td className="py-2 break-words">{text.tls[endpoint.tls]}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import type { MailEndpoints } from '@/lib/providers/types';

const ROWS = [
  { key: 'imap', label: 'IMAP 收信服务器' },
  { key: 'smtp', label: 'SMTP 发信服务器' },
  { key: 'pop3', label: 'POP3 收信服务器' },
] as const;

/** The server settings of one mail domain, as a client's account form asks for them. */
export function ServerTable({ endpoints, caption }: { endpoints: MailEndpoints; caption: string }) {
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="mb-2 text-left font-medium">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-700">
          <th scope="col" className="py-2 pr-3 font-medium">服务</th>
          <th scope="col" className="py-2 pr-3 font-medium">服务器地址</th>
          <th scope="col" className="py-2 pr-3 font-medium">端口</th>
          <th scope="col" className="py-2 font-medium">加密</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map(({ key, label }) => {
          const endpoint = endpoints[key];
          if (!endpoint) return null;
          return (
            <tr key={key} className="border-b border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-2 pr-3 font-normal">{label}</th>
              <td className="py-2 pr-3 font-mono break-all">{endpoint.host}</td>
              <td className="py-2 pr-3 font-mono">{endpoint.port}</td>
              <td className="py-2">{endpoint.tls === 'implicit' ? 'SSL/TLS' : 'STARTTLS'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

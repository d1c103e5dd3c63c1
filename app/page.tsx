import { ServerTable } from '@/components/providers/server-table';
import { NETEASE_PERSONAL } from '@/lib/providers/netease';

export default function HomePage() {
  const provider = NETEASE_PERSONAL;
  const confirmed = provider.domains.filter((d) => d.confirmed);
  const main = confirmed[0];
  return (
    <main className="mx-auto max-w-2xl px-4 py-10 sm:py-16">
      <h1 className="text-2xl font-semibold sm:text-3xl">把网易邮箱连接到客户端</h1>
      <p className="mt-4 leading-7 text-slate-700 dark:text-slate-300">
        网易邮箱（{confirmed.map((d) => `@${d.domain}`).join('、')}）不允许邮件客户端直接使用登录密码。
        你需要先在网页版邮箱里开启 IMAP/SMTP 服务，通过短信验证后生成一个{provider.credential.name.zh}
        ，再把它当作密码填进客户端。我们会在保存之前真正连一次你的邮箱：收信（IMAP）能打开收件箱、发信（SMTP）能以你的地址发信，才算成功。
      </p>
      <p lang="en" className="mt-3 text-sm leading-6 text-slate-500 dark:text-slate-400">
        NetEase mail refuses the login password in mail clients. Switch on IMAP/SMTP in webmail, pass the
        SMS check, generate a {provider.credential.name.en}, and use it as the password. We test it for
        real before saving anything.
      </p>
      {main && (
        <section className="mt-8" aria-labelledby="servers-heading">
          <h2 id="servers-heading" className="text-lg font-semibold">
            服务器设置
          </h2>
          <div className="mt-3">
            <ServerTable endpoints={main.endpoints} caption={`${main.name.zh} 的服务器`} />
          </div>
          {provider.hostNote && (
            <p className="mt-3 text-sm leading-6 text-slate-600 dark:text-slate-400">{provider.hostNote.zh}</p>
          )}
        </section>
      )}
    </main>
  );
}

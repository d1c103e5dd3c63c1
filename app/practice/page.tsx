import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { switchLocale } from '@/app/actions';
import { PracticeProviderRegistration } from '@/components/practice/practice-provider-registration';
import { StartPracticeLink } from '@/components/practice/start-practice-link';
import { ServerTable } from '@/components/providers/server-table';
import { CopyButton } from '@/components/ui/copy-button';
import { textLink } from '@/components/ui/styles';
import { LocaleSwitch } from '@/components/wizard/locale-switch';
import { format } from '@/lib/i18n/locale';
import { PRACTICE_MESSAGES } from '@/lib/i18n/messages/practice';
import { getLocale, getMessages } from '@/lib/i18n/server';
import { getPracticeMode } from '@/lib/practice/practice-mode';
import { PRACTICE_FAILURE_MAILBOXES } from '@/lib/practice/provider';

export async function generateMetadata(): Promise<Metadata> {
  return { title: PRACTICE_MESSAGES[await getLocale()].meta.title };
}

const EXAMPLE_LOCAL_PART = 'zhangsan';

function failureAddress(kind: 'smtp_off' | 'unsafe_login', domain: string): string {
  const mailbox = PRACTICE_FAILURE_MAILBOXES.find((m) => m.kind === kind);
  if (!mailbox) throw new Error(`no practice mailbox rehearses ${kind}`);
  return `${mailbox.localPart}@${domain}`;
}

/** What practice mode is, the address and code to use, and the failures it can rehearse. */
export default async function PracticePage() {
  const locale = await getLocale();
  // Read after the request's headers, so the page is rendered per request, never at build.
  const practice = getPracticeMode();
  if (!practice) notFound();
  const text = PRACTICE_MESSAGES[locale];
  const wizardText = getMessages(locale);
  const address = `${EXAMPLE_LOCAL_PART}@${practice.domain}`;
  const failures = [
    { key: 'wrongCode', what: text.failures.wrongCode.what, result: text.failures.wrongCode.result },
    {
      key: 'smtpOff',
      what: format(text.failures.smtpOff.what, { address: failureAddress('smtp_off', practice.domain) }),
      result: text.failures.smtpOff.result,
    },
    {
      key: 'unsafe',
      what: format(text.failures.unsafe.what, { address: failureAddress('unsafe_login', practice.domain) }),
      result: text.failures.unsafe.result,
    },
  ];

  return (
    <>
      <PracticeProviderRegistration provider={practice.provider} />
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <Link href="/" className={textLink}>
            ← {text.backToWizard}
          </Link>
          <LocaleSwitch locale={locale} text={wizardText.header} action={switchLocale} />
        </div>
      </header>
      <main className="mx-auto max-w-2xl px-4 pt-8 pb-16 sm:pt-12">
        <h1 className="text-2xl font-semibold sm:text-3xl">{text.title}</h1>
        <p className="mt-4 leading-7 text-slate-700 dark:text-slate-300">{text.lead}</p>
        <p className="mt-3 leading-7 text-slate-700 dark:text-slate-300">{text.audience}</p>

        <section aria-labelledby="practice-how" className="mt-8">
          <h2 id="practice-how" className="text-xl font-semibold">
            {text.howTitle}
          </h2>
          <ol className="mt-3 list-decimal space-y-2 pl-6 leading-7">
            {text.how.map((item) => (
              <li key={item}>{format(item, { domain: practice.domain })}</li>
            ))}
          </ol>

          <dl className="mt-5 space-y-4 rounded-xl border border-slate-200 p-4 dark:border-slate-700">
            <div>
              <dt className="font-medium">{text.addressLabel}</dt>
              <dd className="mt-1 flex flex-wrap items-center gap-3">
                <code className="font-mono text-base break-all">{address}</code>
                <CopyButton
                  value={address}
                  label={text.copyAddressLabel}
                  text={text.copy}
                  copiedText={text.copied}
                  failedText={text.copyFailed}
                />
              </dd>
            </div>
            <div>
              <dt className="font-medium">{text.codeLabel}</dt>
              <dd className="mt-1 flex flex-wrap items-center gap-3">
                <code data-testid="practice-code" className="font-mono text-base tracking-wider">
                  {practice.code}
                </code>
                <CopyButton
                  value={practice.code}
                  label={text.copyCodeLabel}
                  text={text.copy}
                  copiedText={text.copied}
                  failedText={text.copyFailed}
                />
              </dd>
              <dd className="mt-2 text-sm leading-6 text-slate-600 dark:text-slate-300">{text.codeNote}</dd>
            </div>
          </dl>

          <div className="mt-5">
            <StartPracticeLink address={address} text={text.start} />
          </div>
        </section>

        <section aria-labelledby="practice-failures" className="mt-10">
          <h2 id="practice-failures" className="text-xl font-semibold">
            {text.failuresTitle}
          </h2>
          <p className="mt-3 leading-7">{text.failuresIntro}</p>
          <dl className="mt-3 space-y-3">
            {failures.map((failure) => (
              <div key={failure.key} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
                <dt className="font-medium break-words">{failure.what}</dt>
                <dd className="mt-1 text-sm leading-6 text-slate-700 dark:text-slate-300">{failure.result}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-sm leading-6 text-slate-600 dark:text-slate-300">{text.limitsNote}</p>
        </section>

        <section aria-labelledby="practice-servers" className="mt-10">
          <h2 id="practice-servers" className="text-xl font-semibold">
            {text.serversTitle}
          </h2>
          <div className="mt-3">
            <ServerTable endpoints={practice.endpoints} caption={practice.provider.name[locale]} text={wizardText.address} />
          </div>
          <p className="mt-3 text-sm leading-6 text-slate-600 dark:text-slate-300">{text.serversNote}</p>
          <p className="mt-3 text-sm leading-6 text-slate-600 dark:text-slate-300">{text.switchNote}</p>
        </section>
      </main>
    </>
  );
}

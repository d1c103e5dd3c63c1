import type { Metadata } from 'next';
import { switchLocale } from '@/app/actions';
import { AttemptList } from '@/components/support/attempt-list';
import { SupportHeader } from '@/components/support/support-header';
import { Field, FieldError, fieldErrorId } from '@/components/ui/field';
import { primaryButton, textInput } from '@/components/ui/styles';
import { format } from '@/lib/i18n/locale';
import { SUPPORT_MESSAGES } from '@/lib/i18n/messages/support';
import { getLocale, getMessages } from '@/lib/i18n/server';
import { requireStaffPage } from '@/lib/support/access';
import { searchAttempts } from '@/lib/support/console';

export async function generateMetadata(): Promise<Metadata> {
  return { title: SUPPORT_MESSAGES[await getLocale()].search.title };
}

/** Recent check attempts of one address, masked, with their diagnoses. Every search is audited. */
export default async function SupportAttemptsPage({ searchParams }: { searchParams: Promise<{ address?: string | string[] }> }) {
  const { db, staff } = await requireStaffPage('/support/attempts');
  const locale = await getLocale();
  const text = SUPPORT_MESSAGES[locale];
  const raw = (await searchParams).address;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 320) ?? '';
  const result = query.trim() ? await searchAttempts(db, staff, query, locale) : null;
  return (
    <>
      <SupportHeader locale={locale} text={text} headerText={getMessages(locale).header} switchLocale={switchLocale} />
      <main className="mx-auto max-w-3xl px-4 pt-8 pb-16">
        <h1 className="text-2xl font-semibold sm:text-3xl">{text.search.title}</h1>
        <p className="mt-3 leading-7 text-slate-700 dark:text-slate-300">{text.search.lead}</p>
        <form method="get" className="mt-6 flex flex-wrap items-end gap-3" role="search">
          {/* Its error is told in the live region under the form, with the results. */}
          <Field
            id="address"
            wrapper="min-w-0 grow"
            label={text.search.label}
            invalid={result?.ok === false}
            describedBy={[result?.ok === false && fieldErrorId('address')]}
          >
            {(control) => (
              <input
                {...control}
                name="address"
                type="text"
                inputMode="email"
                autoComplete="off"
                spellCheck={false}
                defaultValue={query}
                className={`${textInput} mt-1.5`}
              />
            )}
          </Field>
          <button type="submit" className={primaryButton}>
            {text.search.submit}
          </button>
        </form>
        <div aria-live="polite" className="mt-4">
          {result?.ok === false && <FieldError id="address" look="flush" error={text.search.invalid} />}
          {result?.ok && (
            <p className="font-medium">
              {result.attempts.length > 0
                ? format(text.search.results, { address: result.maskedQuery, count: result.attempts.length })
                : format(text.search.none, { address: result.maskedQuery })}
            </p>
          )}
        </div>
        {result?.ok && <AttemptList attempts={result.attempts} locale={locale} text={text.attempt} />}
      </main>
    </>
  );
}

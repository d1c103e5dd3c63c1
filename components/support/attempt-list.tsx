import { DiagnosisCard } from '@/components/ui/diagnosis-card';
import type { SupportMessages } from '@/lib/i18n/messages/support';
import { format } from '@/lib/i18n/locale';
import type { Locale } from '@/lib/i18n/locale';
import { formatTime } from '@/lib/i18n/time';
import type { AttemptView, ProtocolAttemptView } from '@/lib/support/console';

// Check attempts as staff read them: when, each protocol's outcome, the failure code, where it
// stopped, the server's words and the diagnosis. No hooks, so the live session view (client)
// and the search page (server) both render it.

function ProtocolOutcome({ label, result, text }: { label: string; result: ProtocolAttemptView; text: SupportMessages['attempt'] }) {
  return (
    <div className="mt-2">
      <p className="font-medium">
        {label}：
        <span className={result.ok ? 'text-green-800 dark:text-green-300' : 'text-red-800 dark:text-red-300'}>
          {result.ok ? text.passed : text.failed}
        </span>
      </p>
      {!result.ok && (
        <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-2 gap-y-1 text-sm">
          <dt className="text-slate-600 dark:text-slate-400">{text.code}</dt>
          <dd className="font-mono break-all">{result.code}</dd>
          {result.stageLabel && (
            <>
              <dt className="text-slate-600 dark:text-slate-400">{text.stage}</dt>
              <dd>{result.stageLabel}</dd>
            </>
          )}
          {result.serverText && (
            <>
              <dt className="text-slate-600 dark:text-slate-400">{text.serverSaid}</dt>
              <dd className="font-mono break-all">{result.serverText}</dd>
            </>
          )}
          {result.diagnosis && (
            <>
              <dt className="text-slate-600 dark:text-slate-400">{text.diagnosis}</dt>
              <dd>
                <DiagnosisCard look="staff" words={result.diagnosis}>
                  <span className="mt-1 block">{format(text.fix, { n: result.diagnosis.stepNumber, title: result.diagnosis.stepTitle })}</span>
                </DiagnosisCard>
              </dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}

export function AttemptList({ attempts, locale, text }: { attempts: AttemptView[]; locale: Locale; text: SupportMessages['attempt'] }) {
  return (
    <ol className="mt-3 space-y-3">
      {attempts.map((attempt) => (
        <li key={attempt.id} className="rounded-lg border border-slate-300 p-3 dark:border-slate-700" data-testid="attempt">
          <p className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
            <span className="font-medium">
              <time dateTime={attempt.at}>{formatTime(attempt.at, locale, 'dayTimeSeconds')}</time> · {attempt.maskedAddress} · {attempt.providerName}
            </span>
            <span className="text-slate-600 dark:text-slate-400">
              {format(text.duration, { seconds: (attempt.durationMs / 1000).toFixed(1) })}
            </span>
          </p>
          <ProtocolOutcome label={text.imap} result={attempt.imap} text={text} />
          <ProtocolOutcome label={text.smtp} result={attempt.smtp} text={text} />
        </li>
      ))}
    </ol>
  );
}

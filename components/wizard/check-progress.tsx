import { Spinner } from '@/components/ui/spinner';
import { format } from '@/lib/i18n/locale';
import type { WizardMessages as Messages } from '@/lib/i18n/messages/wizard';
import type { CheckPhase } from '@/lib/wizard/client/stores';
import type { ProtocolView } from '@/lib/accounts/contract';

export type CheckProgressText = Pick<
  Messages['configure'],
  'progressLabel' | 'imapName' | 'smtpName' | 'idle' | 'imapRunning' | 'smtpRunning' | 'passed' | 'failed' | 'notTried'
>;

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

function StatusIcon({ state }: { state: 'idle' | 'running' | 'ok' | 'failed' }) {
  if (state === 'running') {
    return <Spinner className="size-5 text-blue-700 dark:text-blue-300" trackOpacity={0.25} />;
  }
  if (state === 'ok') {
    return (
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 text-green-700 dark:text-green-400">
        <circle cx="12" cy="12" r="10" fill="currentColor" />
        <path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="white" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    );
  }
  if (state === 'failed') {
    return (
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 text-red-700 dark:text-red-400">
        <circle cx="12" cy="12" r="10" fill="currentColor" />
        <path d="M8.5 8.5l7 7M15.5 8.5l-7 7" fill="none" stroke="white" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
    );
  }
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 text-slate-400">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

function Row({
  name,
  running,
  phase,
  result,
  text,
}: {
  name: string;
  running: string;
  phase: CheckPhase['phase'];
  result: ProtocolView | undefined;
  text: CheckProgressText;
}) {
  // SMTP does not log in after IMAP's login failed (one refused login per wrong code): that row
  // is neither passed nor failed, and the IMAP row carries the problem.
  const notTried = result !== undefined && !result.ok && result.code === 'not_attempted';
  const state = phase === 'running' ? 'running' : result && !notTried ? (result.ok ? 'ok' : 'failed') : 'idle';
  const status =
    state === 'running'
      ? running
      : notTried
        ? text.notTried
        : result
          ? format(result.ok ? text.passed : text.failed, { seconds: seconds(result.durationMs) })
          : text.idle;
  return (
    <li className="flex h-14 items-center gap-3 text-sm leading-5">
      <StatusIcon state={state} />
      <span className="flex min-w-0 flex-col">
        <span className="truncate font-medium">{name}</span>
        <span className="truncate text-slate-600 dark:text-slate-300">{status}</span>
      </span>
    </li>
  );
}

/**
 * Receiving and sending, one row each, always the same height: nothing below moves while a
 * check runs. The rows are a polite live region, so each change is read out once.
 */
export function CheckProgress({ check, text }: { check: CheckPhase; text: CheckProgressText }) {
  const done = check.phase === 'done' ? check : undefined;
  return (
    <div role="status" aria-label={text.progressLabel} className="rounded-lg border border-slate-200 px-3 py-1 dark:border-slate-700">
      <ul>
        <Row name={text.imapName} running={text.imapRunning} phase={check.phase} result={done?.imap} text={text} />
        <Row name={text.smtpName} running={text.smtpRunning} phase={check.phase} result={done?.smtp} text={text} />
      </ul>
    </div>
  );
}

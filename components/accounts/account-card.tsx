'use client';

import { useId, useRef, useState } from 'react';
import { DiagnosisCard, diagnosisWords } from '@/components/ui/diagnosis-card';
import { Spinner } from '@/components/ui/spinner';
import { secondaryButton, textLink } from '@/components/ui/styles';
import type { AccountsActionResult, AccountView } from '@/lib/accounts/view';
import { issueText } from '@/lib/i18n/issue-text';
import { format } from '@/lib/i18n/locale';
import { formatRelative, formatTime } from '@/lib/i18n/time';
import { wizardStepHref } from '@/lib/wizard/provider-hint';
import { AccountHistory } from './account-history';
import { DeleteDialog } from './delete-dialog';
import { ReplaceCodeForm } from './replace-code-form';
import { AccountStatusBadge } from './status-badge';
import { formatRetryClock } from './time';
import type { AccountActions, AccountsContext } from './types';

type Busy = 'check' | 'pause' | 'resume' | 'replace' | 'delete';

export interface CardMessage {
  tone: 'success' | 'info' | 'error';
  text: string;
  /** "请在 HH:MM 之后再试", for lockout refusals. */
  retry?: string;
  signIn?: boolean;
}

export function titleId(accountId: string): string {
  return `account-${accountId}-title`;
}

/** The message for an answer every action can get; `null` for success and `check_failed`. */
export function commonMessage(
  result: AccountsActionResult,
  account: Pick<AccountView, 'address' | 'providerId'>,
  context: AccountsContext,
): CardMessage | null {
  const r = context.text.results;
  const { address } = account;
  if (result.ok) return null;
  switch (result.code) {
    case 'signed_out':
      return { tone: 'error', text: r.signedOut, signIn: true };
    case 'invalid': {
      const issue = result.formError ?? result.fieldErrors.code?.[0];
      return { tone: 'error', text: issue !== undefined ? issueText(issue, context.locale) : r.invalid };
    }
    case 'refused': {
      if (result.reason === 'paused') return { tone: 'info', text: format(r.refusedPaused, { address }) };
      const retry = result.retryAt ? format(r.retryAt, { time: formatRetryClock(result.retryAt, context.locale) }) : undefined;
      const provider = context.providerNames[account.providerId] ?? account.providerId;
      const words = {
        mailbox_locked: r.mailboxLocked,
        provider_paused: r.providerPaused,
        manual_limited: r.manualLimited,
        account_limited: r.accountLimited,
        provider_busy: r.providerBusy,
        check_running: r.checkRunning,
        too_many_running: r.tooManyRunning,
      }[result.reason];
      return { tone: 'error', text: format(words, { provider }), retry };
    }
    case 'not_found':
      return { tone: 'error', text: r.notFound };
    default:
      return null;
  }
}

const TONES: Record<CardMessage['tone'], string> = {
  success: 'border-green-300 bg-green-50 text-green-950 dark:border-green-800 dark:bg-green-950 dark:text-green-50',
  info: 'border-slate-300 bg-slate-50 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-50',
  error: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50',
};

const deleteTrigger =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border border-red-300 bg-white px-4 py-2 text-base font-medium text-red-800 hover:bg-red-50 dark:border-red-800 dark:bg-slate-900 dark:text-red-200 dark:hover:bg-red-950';

/** The address, for screen readers: each button's name says which mailbox it acts on, after the visible words. */
function Named({ address }: { address: string }) {
  return <span className="sr-only"> {address}</span>;
}

/** One connected mailbox: its state, what went wrong if anything, and what can be done with it. */
export function AccountCard({
  account,
  nowMs,
  actions,
  context,
  onChange,
  onGone,
}: {
  account: AccountView;
  nowMs: number;
  actions: AccountActions;
  context: AccountsContext;
  onChange: (account: AccountView) => void;
  /** The account is no longer there: deleted here (`deleted`) or not found on the server. */
  onGone: (account: AccountView, how: 'deleted' | 'not_found') => void;
}) {
  const { locale, text } = context;
  const id = useId();
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<CardMessage | null>(null);
  const [replaceOpen, setReplaceOpen] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const replaceButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const address = account.address;
  const paused = account.status === 'paused';

  /** Runs one action at a time; a thrown call (network, server bug) becomes a message. */
  async function run<R extends AccountsActionResult>(kind: Busy, call: () => Promise<R>): Promise<R | null> {
    if (busy) return null;
    setBusy(kind);
    setMessage(null);
    try {
      const result = await call();
      if (!result.ok && result.code === 'not_found') onGone(account, 'not_found');
      return result;
    } catch {
      setMessage({ tone: 'error', text: text.results.networkError });
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function checkNow() {
    const result = await run('check', () => actions.checkNow(account.id));
    if (!result) return;
    if (result.ok) {
      onChange(result.data);
      const shown = result.data;
      const diagnosis = shown.diagnosis;
      setMessage(
        shown.status === 'ok'
          ? { tone: 'success', text: format(text.results.checkPassed, { address }) }
          : { tone: 'error', text: format(text.results.checkFailed, { address, title: diagnosis?.title[locale] ?? '' }) },
      );
      return;
    }
    setMessage(commonMessage(result, account, context));
  }

  async function togglePause() {
    const resuming = paused;
    const result = await run(resuming ? 'resume' : 'pause', () =>
      resuming ? actions.resume(account.id) : actions.pause(account.id),
    );
    if (!result) return;
    if (result.ok) {
      onChange(result.data);
      setMessage({
        tone: 'info',
        text: resuming
          ? format(text.results.resumed, { address, status: text.status[result.data.status] })
          : format(text.results.paused, { address }),
      });
      return;
    }
    setMessage(commonMessage(result, account, context));
  }

  async function confirmDelete() {
    const result = await run('delete', () => actions.remove(account.id));
    if (result?.ok) {
      setConfirmingDelete(false);
      onGone(account, 'deleted');
      return;
    }
    setConfirmingDelete(false);
    deleteButton.current?.focus();
    if (result) setMessage(commonMessage(result, account, context));
  }

  const lastChecked = account.lastCheckedAt ?? account.lastCheck?.checkedAt ?? null;
  const failing = account.status === 'failed' && account.diagnosis;
  const diagnosis = account.diagnosis;
  const step = diagnosis ? (context.byProvider[account.providerId]?.guideSteps ?? context.guideSteps)[diagnosis.guideStep] : undefined;
  const diagnosisText = diagnosis ? diagnosisWords(diagnosis, locale) : undefined;
  const failedProtocols = account.lastCheck
    ? (['imap', 'smtp'] as const).filter((protocol) => account.lastCheck && !account.lastCheck[protocol].ok)
    : [];
  const messageId = `${id}-message`;
  const pausedNoteId = `${id}-paused-note`;

  return (
    <article
      aria-labelledby={titleId(account.id)}
      aria-busy={busy ? true : undefined}
      data-account={address}
      className="rounded-xl border border-slate-200 p-4 sm:p-5 dark:border-slate-700"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h2 id={titleId(account.id)} tabIndex={-1} className="font-mono text-lg font-semibold break-all">
            {address}
          </h2>
          <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-300">
            {text.provider}
            {context.providerNames[account.providerId] ?? account.providerId}
          </p>
        </div>
        <AccountStatusBadge status={busy ? 'checking' : account.status} text={text} />
      </div>

      <p className="mt-3 text-sm leading-6">
        <span className="text-slate-600 dark:text-slate-300">{text.lastChecked}</span>
        {lastChecked ? (
          <>
            <time dateTime={lastChecked} suppressHydrationWarning>
              {formatRelative(lastChecked, nowMs, locale)}
            </time>{' '}
            <span className="text-slate-600 dark:text-slate-300" suppressHydrationWarning>
              ({formatTime(lastChecked, locale, 'dateTime')})
            </span>
            {account.lastCheck && (
              <>
                {' · '}
                {account.lastCheck.ok
                  ? text.lastResult.passed
                  : format(text.lastResult.failed, {
                      title: diagnosis?.title[locale] ?? failedProtocols.map((p) => text.protocols[p]).join(' / '),
                    })}
              </>
            )}
          </>
        ) : (
          text.neverChecked
        )}
      </p>
      {account.heldFromBackground && (
        <p className="mt-2 text-sm leading-6 text-slate-700 dark:text-slate-200" data-testid="held-from-background">
          {text.heldFromBackground}
        </p>
      )}

      {failing && diagnosis && diagnosisText && step && (
        <DiagnosisCard
          look="account"
          headingId={`${id}-diagnosis`}
          heading={
            <>
              <span className="sr-only">{text.diagnosisHeading}: </span>
              {diagnosisText.title}
            </>
          }
          words={diagnosisText}
          checklistTitle={text.checklistTitle}
          serverWords={failedProtocols.flatMap((protocol) => {
            const serverText = account.lastCheck?.[protocol].serverText;
            return serverText ? [{ key: protocol, caption: format(text.serverSaid, { protocol: text.protocols[protocol] }), text: serverText }] : [];
          })}
        >
          <p className="mt-4">
            <a href={wizardStepHref(diagnosis.guideStep, account.providerId)} className={textLink}>
              {format(text.fixLink, { n: step.n, title: step.title })}
            </a>
          </p>
        </DiagnosisCard>
      )}

      <div role="group" aria-label={format(text.actions.groupLabel, { address })} className="mt-4 flex flex-wrap gap-2">
        <button
          type="button"
          className={secondaryButton}
          disabled={paused}
          aria-disabled={busy ? true : undefined}
          aria-describedby={paused ? pausedNoteId : undefined}
          onClick={() => void checkNow()}
        >
          {busy === 'check' && <Spinner className="size-4" />}
          {text.actions.checkNow}
          <Named address={address} />
        </button>
        <button
          type="button"
          className={secondaryButton}
          aria-disabled={busy ? true : undefined}
          onClick={() => void togglePause()}
        >
          {(busy === 'pause' || busy === 'resume') && <Spinner className="size-4" />}
          {paused ? text.actions.resume : text.actions.pause}
          <Named address={address} />
        </button>
        <button
          ref={replaceButton}
          type="button"
          className={secondaryButton}
          aria-expanded={replaceOpen}
          aria-controls={`${id}-replace`}
          onClick={() => setReplaceOpen((open) => !open)}
        >
          {text.actions.replaceCode}
          <Named address={address} />
        </button>
        <button
          ref={deleteButton}
          type="button"
          className={deleteTrigger}
          aria-disabled={busy ? true : undefined}
          onClick={() => {
            if (!busy) setConfirmingDelete(true);
          }}
        >
          {text.actions.delete}
          <Named address={address} />
        </button>
      </div>
      {paused && (
        <p id={pausedNoteId} className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          {text.actions.pausedNote}
        </p>
      )}

      <div id={`${id}-replace`} hidden={!replaceOpen}>
        {replaceOpen && (
          <ReplaceCodeForm
            account={account}
            context={context}
            running={busy === 'replace'}
            blocked={busy !== null}
            run={(code) => run('replace', () => actions.replaceCode({ accountId: account.id, code }))}
            onReplaced={(updated) => {
              onChange(updated);
              setReplaceOpen(false);
              setMessage({ tone: 'success', text: format(text.results.codeReplaced, { address }) });
              replaceButton.current?.focus();
            }}
            onFailed={(updated) => onChange(updated)}
            onOtherResult={(result) => setMessage(commonMessage(result, account, context))}
            onCancel={() => {
              setReplaceOpen(false);
              replaceButton.current?.focus();
            }}
          />
        )}
      </div>

      <div id={messageId} role="status">
        {message && (
          <div className={`mt-3 rounded-lg border p-3 text-sm leading-6 ${TONES[message.tone]}`}>
            <p>{message.text}</p>
            {message.retry && <p className="mt-1 font-medium">{message.retry}</p>}
            {message.signIn && (
              <p className="mt-1">
                <a href={context.signInHref} className={textLink}>
                  {text.results.signIn}
                </a>
              </p>
            )}
          </div>
        )}
      </div>

      <AccountHistory history={account.history} nowMs={nowMs} context={context} providerId={account.providerId} />

      <DeleteDialog
        open={confirmingDelete}
        address={address}
        busy={busy === 'delete'}
        text={text.confirmDelete}
        onCancel={() => {
          setConfirmingDelete(false);
          deleteButton.current?.focus();
        }}
        onConfirm={() => void confirmDelete()}
      />
    </article>
  );
}

'use client';

import { useId, useRef, useState } from 'react';
import { DiagnosisCard, diagnosisWords } from '@/components/ui/diagnosis-card';
import { Spinner } from '@/components/ui/spinner';
import type { AccountsActionResult, AccountView } from '@/lib/accounts/view';
import { format } from '@/lib/i18n/locale';
import { formatRelative, formatTime } from '@/lib/i18n/time';
import { onDemand, useOnDemand } from '@/lib/wizard/client/on-demand';
import { wizardStepHref } from '@/lib/wizard/provider-hint';
import type { CardMessage } from './action-answers';
import { AccountHistory } from './account-history';
import { ConnectionSummary } from './connection-summary';
import { AccountStatusBadge } from './status-badge';
import type { AccountActions, AccountsContext } from './types';

type Busy = 'check' | 'pause' | 'resume' | 'replace' | 'delete';

// What a card shows only once someone acts is fetched then (a pointer over its button, the focus
// on it, a press), not with the page: the words of the actions' answers, the new-code form
// (react-hook-form and the code's schema) and the delete dialog. Until then the card draws what
// it always drew before anything was pressed. A press made before its part is here takes effect
// once it is.
const answerWords = onDemand(() => import('./action-answers'));
const replaceForm = onDemand(() => import('./replace-code-form'));
const deleteDialog = onDemand(() => import('./delete-dialog'));

export function titleId(accountId: string): string {
  return `account-${accountId}-title`;
}

const TONES: Record<CardMessage['tone'], string> = {
  success: 'border-green-300 bg-green-50 text-green-950 dark:border-green-800 dark:bg-green-950 dark:text-green-50',
  info: 'border-slate-300 bg-slate-50 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-50',
  error: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50',
};

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
  /** The account is no longer there (deleted here, or not found on the server), with what to announce. */
  onGone: (account: AccountView, announcement: string) => void;
}) {
  const { locale, text } = context;
  const id = useId();
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<CardMessage | null>(null);
  const [replaceOpen, setReplaceOpen] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const replaceButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const Replace = useOnDemand(replaceForm, false);
  const Delete = useOnDemand(deleteDialog, false);
  // As its owner writes it (an internationalised domain in Unicode); the saved form names the card for tests and scripts.
  const address = account.shownAddress;
  const paused = account.status === 'paused';
  const provider = context.providers[account.providerId];
  const networkError: CardMessage = { tone: 'error', text: text.networkError };

  /**
   * Runs one action at a time, with the words for its answer; a thrown call (network, server
   * bug) becomes a message.
   */
  async function run<R extends AccountsActionResult>(
    kind: Busy,
    call: () => Promise<R>,
  ): Promise<{ result: R; answers: typeof import('./action-answers') } | null> {
    if (busy) return null;
    setBusy(kind);
    setMessage(null);
    // The words are fetched while the action runs; the action is not dropped if they fail.
    const words = answerWords.load();
    words.catch(() => {});
    try {
      const result = await call();
      const answers = await words;
      if (!result.ok && result.code === 'not_found') onGone(account, answers.ACCOUNTS_RESULT_MESSAGES[locale].notFound);
      return { result, answers };
    } catch {
      setMessage(networkError);
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function checkNow() {
    const answered = await run('check', () => actions.checkNow(account.id));
    if (!answered) return;
    const { result, answers } = answered;
    const r = answers.ACCOUNTS_RESULT_MESSAGES[locale];
    if (result.ok) {
      onChange(result.data);
      const shown = result.data;
      const diagnosis = shown.diagnosis;
      setMessage(
        shown.status === 'ok'
          ? { tone: 'success', text: format(r.checkPassed, { address }) }
          : { tone: 'error', text: format(r.checkFailed, { address, title: diagnosis?.title[locale] ?? '' }) },
      );
      return;
    }
    setMessage(answers.commonMessage(result, account, context));
  }

  async function togglePause() {
    const resuming = paused;
    const answered = await run(resuming ? 'resume' : 'pause', () => (resuming ? actions.resume(account.id) : actions.pause(account.id)));
    if (!answered) return;
    const { result, answers } = answered;
    const r = answers.ACCOUNTS_RESULT_MESSAGES[locale];
    if (result.ok) {
      onChange(result.data);
      setMessage({
        tone: 'info',
        text: resuming ? format(r.resumed, { address, status: text.status[result.data.status] }) : format(r.paused, { address }),
      });
      return;
    }
    setMessage(answers.commonMessage(result, account, context));
  }

  async function confirmDelete() {
    const answered = await run('delete', () => actions.remove(account.id));
    if (answered?.result.ok) {
      setConfirmingDelete(false);
      onGone(account, format(answered.answers.ACCOUNTS_RESULT_MESSAGES[locale].deleted, { address }));
      return;
    }
    setConfirmingDelete(false);
    deleteButton.current?.focus();
    if (answered) setMessage(answered.answers.commonMessage(answered.result, account, context));
  }

  /** Opens the form once it is here (at once when it is); closes it at once. */
  function toggleReplace() {
    if (replaceOpen) {
      setReplaceOpen(false);
      return;
    }
    answerWords.preload();
    replaceForm.load().then(
      () => setReplaceOpen(true),
      () => setMessage(networkError),
    );
  }

  function askDelete() {
    if (busy) return;
    deleteDialog.load().then(
      () => setConfirmingDelete(true),
      () => setMessage(networkError),
    );
  }

  const lastChecked = account.lastCheckedAt ?? account.lastCheck?.checkedAt ?? null;
  const failing = account.status === 'failed' && account.diagnosis;
  const diagnosis = account.diagnosis;
  const step = diagnosis ? provider?.guideSteps[diagnosis.guideStep] : undefined;
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
      data-account={account.address}
      className="rounded-xl border border-slate-200 p-4 sm:p-5 dark:border-slate-700"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h2 id={titleId(account.id)} tabIndex={-1} className="font-mono text-lg font-semibold break-all">
            {address}
          </h2>
          <p className="mt-0.5 muted-text">
            {text.provider}
            {provider?.name ?? account.providerId}
          </p>
        </div>
        <AccountStatusBadge status={busy ? 'checking' : account.status} text={text} />
      </div>

      <p className="mt-3 text-sm leading-6">
        <span className="muted-color">{text.lastChecked}</span>
        {lastChecked ? (
          <>
            <time dateTime={lastChecked} suppressHydrationWarning>
              {formatRelative(lastChecked, nowMs, locale)}
            </time>{' '}
            <span className="muted-color" suppressHydrationWarning>
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
      {/* What the client gets from the servers, as the last check saw it; only while it passes. */}
      {account.lastCheck?.ok && (
        <ConnectionSummary
          locale={locale}
          heading="h3"
          imap={account.lastCheck.imap.endpoint}
          smtp={account.lastCheck.smtp.endpoint}
          {...(account.lastCheck.imap.delivery !== undefined ? { delivery: account.lastCheck.imap.delivery } : {})}
          loginName={account.loginName}
        />
      )}
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
            <a href={wizardStepHref(diagnosis.guideStep, account.providerId)} className="text-link">
              {format(text.fixLink, { n: step.n, title: step.title })}
            </a>
          </p>
        </DiagnosisCard>
      )}

      <div
        role="group"
        aria-label={format(text.actions.groupLabel, { address })}
        className="mt-4 flex flex-wrap gap-2"
        onPointerOver={answerWords.preload}
        onFocus={answerWords.preload}
      >
        <button
          type="button"
          className="btn-secondary"
          disabled={paused}
          aria-disabled={busy ? true : undefined}
          aria-describedby={paused ? pausedNoteId : undefined}
          onClick={() => void checkNow()}
        >
          {busy === 'check' && <Spinner className="size-4" />}
          {text.actions.checkNow}
          <Named address={address} />
        </button>
        <button type="button" className="btn-secondary" aria-disabled={busy ? true : undefined} onClick={() => void togglePause()}>
          {(busy === 'pause' || busy === 'resume') && <Spinner className="size-4" />}
          {paused ? text.actions.resume : text.actions.pause}
          <Named address={address} />
        </button>
        <button
          ref={replaceButton}
          type="button"
          className="btn-secondary"
          aria-expanded={replaceOpen}
          aria-controls={`${id}-replace`}
          onPointerOver={replaceForm.preload}
          onFocus={replaceForm.preload}
          onClick={toggleReplace}
        >
          {text.actions.replaceCode}
          <Named address={address} />
        </button>
        <button
          ref={deleteButton}
          type="button"
          className="btn-danger-outline"
          aria-disabled={busy ? true : undefined}
          onPointerOver={deleteDialog.preload}
          onFocus={deleteDialog.preload}
          onClick={askDelete}
        >
          {text.actions.delete}
          <Named address={address} />
        </button>
      </div>
      {paused && (
        <p id={pausedNoteId} className="mt-2 muted-text">
          {text.actions.pausedNote}
        </p>
      )}

      <div id={`${id}-replace`} hidden={!replaceOpen}>
        {replaceOpen && Replace && provider && (
          <Replace.ReplaceCodeForm
            account={account}
            locale={locale}
            credential={provider.credential}
            running={busy === 'replace'}
            blocked={busy !== null}
            run={async (code) => {
              const answered = await run('replace', () => actions.replaceCode({ accountId: account.id, code }));
              return answered?.result ?? null;
            }}
            onReplaced={(updated) => {
              onChange(updated);
              setReplaceOpen(false);
              // The answer's words are here: the form's check went through run().
              const r = answerWords.current()?.ACCOUNTS_RESULT_MESSAGES[locale];
              if (r) setMessage({ tone: 'success', text: format(r.codeReplaced, { address }) });
              replaceButton.current?.focus();
            }}
            onFailed={(updated) => onChange(updated)}
            onOtherResult={(result) => setMessage(answerWords.current()?.commonMessage(result, account, context) ?? null)}
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
                <a href={context.signInHref} className="text-link">
                  {message.signIn}
                </a>
              </p>
            )}
          </div>
        )}
      </div>

      <AccountHistory history={account.history} nowMs={nowMs} context={context} providerId={account.providerId} />

      {Delete && (
        <Delete.DeleteDialog
          open={confirmingDelete}
          address={address}
          busy={busy === 'delete'}
          locale={locale}
          onCancel={() => {
            setConfirmingDelete(false);
            deleteButton.current?.focus();
          }}
          onConfirm={() => void confirmDelete()}
        />
      )}
    </article>
  );
}

'use client';

// What the result step shows once a check has answered (components/wizard/result-panel.tsx
// fetches this when there is something to show): the diagnosis, the fallback servers offered,
// the lockout.

import { StatusBadge } from '@/components/illustrations/status-badge';
import { DiagnosisCard, diagnosisWords } from '@/components/ui/diagnosis-card';
import { primaryButton, secondaryButton } from '@/components/ui/styles';
import { format } from '@/lib/i18n/locale';
import { WIZARD_LATER_MESSAGES, type WizardLaterMessages } from '@/lib/i18n/messages/wizard-later';
import { useWizardLogic } from '@/lib/wizard/client/logic-loader';
import { goToStep } from '@/lib/wizard/client/navigation';
import { WIZARD_STEPS } from '@/lib/wizard/steps';
import { useShownDomain } from '@/lib/wizard/client/shown-domain';
import { useSessionStore } from '@/lib/wizard/client/session-store';
import { fallbackOffer, type FallbackOffer } from '@/lib/wizard/fallback-offer';
import { checkRunner, retryAtOf, serverChoiceStore, type ShownResult } from '@/lib/wizard/client/stores';
import type { ProtocolView } from '@/lib/accounts/contract';
import { CheckProgress } from './check-progress';
import { AddressAsTyped, CheckedConnection } from './checked-connection';
import { formatRetryTime, useLockedUntil } from './lockout';
import { useStepTitles } from './provider-scope';
import type { ResultPanelProps } from './result-panel';

type FailedView = Extract<ProtocolView, { ok: false }>;

/** Failures that share a diagnosis are explained once, with each server's words under it. */
function groupByDiagnosis(failures: { name: string; view: FailedView }[]) {
  const groups = new Map<string, { view: FailedView; members: { name: string; view: FailedView }[] }>();
  for (const failure of failures) {
    const group = groups.get(failure.view.code);
    if (group) group.members.push(failure);
    else groups.set(failure.view.code, { view: failure.view, members: [failure] });
  }
  return [...groups.values()];
}

/**
 * Starts the code form's check from this step. While it runs, the progress rows take this view's
 * place and the pressed button with it; focus goes to the step's heading first, where the check's
 * end puts it too (as after a submit on step 4), instead of falling to the page.
 */
function runFromResult(run: (() => void) | null) {
  goToStep('result');
  run?.();
}

function RetryButton({ label, locked, describedBy }: { label: string; locked: boolean; describedBy?: string }) {
  const run = useSessionStore(checkRunner);
  return (
    <button
      type="button"
      className={primaryButton}
      disabled={locked || !run}
      aria-describedby={describedBy}
      onClick={() => runFromResult(run)}
    >
      {label}
    </button>
  );
}

/**
 * After a failed check on the address's own servers: the fallback servers, offered as a choice
 * the reader makes (one button, which picks them and checks again). Nothing here runs by itself.
 * `usedHost` is the IMAP server the failed check connected to, as the server reported it;
 * `ownHost` the address's own, to go back to.
 */
function FallbackChoice({ offer, usedHost, ownHost, text }: { offer: FallbackOffer; usedHost: string; ownHost: string; text: WizardLaterMessages['result'] }) {
  const run = useSessionStore(checkRunner);
  if (offer.kind === 'none') return null;
  const alt = offer.fallback.imap.host;
  if (offer.kind === 'used') {
    return <p className="mt-4 text-sm leading-6">{format(text.fallbackUsed, { alt, host: ownHost })}</p>;
  }
  return (
    <section aria-labelledby="fallback-choice-title" className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <h4 id="fallback-choice-title" className="font-semibold">
        {text.fallbackTitle}
      </h4>
      <p id="fallback-choice-note" className="mt-2 text-sm leading-6">
        {format(text.fallbackOffer, { host: usedHost, alt })}
      </p>
      <button
        type="button"
        className={`${secondaryButton} mt-3`}
        disabled={!run}
        aria-describedby="fallback-choice-note"
        onClick={() => {
          serverChoiceStore.set(offer.index);
          runFromResult(run);
        }}
      >
        {format(text.fallbackRetry, { alt })}
      </button>
    </section>
  );
}

function Checked({
  result,
  props,
}: {
  result: Extract<ShownResult, { status: 'checked' }>;
  props: ResultPanelProps;
}) {
  const { locale, progressText, stageLabels } = props;
  const text = WIZARD_LATER_MESSAGES[locale].result;
  useWizardLogic(true);
  const { view, shown, providerId } = useShownDomain();
  const titleOf = useStepTitles();

  if (result.ok) {
    return (
      <div>
        <h3 className="text-lg font-semibold">{text.successTitle}</h3>
        <p className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
          <span className="text-sm text-slate-600 dark:text-slate-300">{text.statusLabel}</span>
          {/* The mailbox checked, which the address typed since may no longer be. */}
          <span className="min-w-0 font-mono break-all">
            <AddressAsTyped address={result.address} />
          </span>
          <StatusBadge label={text.statusOk} />
        </p>
        <p className="mt-4 leading-7">{result.saved ? text.savedNote : text.notSavedNote}</p>
        <CheckedConnection result={result} locale={locale} />
        {result.saved && (
          <a href="/accounts" className={`${secondaryButton} mt-4`}>
            {text.manageLink}
          </a>
        )}
        {!result.saved && (
          <div className="mt-4">
            <RetryButton label={text.retry} locked={false} />
          </div>
        )}
        <h4 className="mt-6 font-semibold">{text.nextTitle}</h4>
        <ul className="mt-2 list-disc space-y-2 pl-5 leading-7">
          {text.next.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
    );
  }

  const names = { imap: progressText.imapName, smtp: progressText.smtpName };
  // An SMTP side that did not log in because IMAP's login failed is not a second problem.
  const failures = (['imap', 'smtp'] as const).flatMap((protocol) => {
    const view = result[protocol];
    return view.ok || view.code === 'not_attempted' ? [] : [{ name: names[protocol], view }];
  });
  // Which servers the check used comes from the server (`result.alternative`), not from the
  // host in the report: in tests both sets are redirected to the same local peer. The offer is
  // for the address the result is about, and only while that is the address typed.
  const offer = fallbackOffer(result, view.kind === 'known' ? { address: view.address, alternatives: shown.alternatives } : null);

  return (
    <div>
      <h3 className="text-lg font-semibold">{text.failureTitle}</h3>
      <p className="mt-2 leading-7">{text.failureNote}</p>
      <div className="mt-4">
        <CheckProgress check={{ phase: 'done', imap: result.imap, smtp: result.smtp }} text={progressText} />
      </div>
      {groupByDiagnosis(failures).map(({ view, members }) => {
        const { diagnosis } = view;
        const back = { n: WIZARD_STEPS.indexOf(diagnosis.guideStep) + 1, title: titleOf(providerId, diagnosis.guideStep) };
        const words = diagnosisWords(diagnosis, locale);
        return (
          <DiagnosisCard
            key={view.code}
            look="result"
            headingId={`diagnosis-${view.code}`}
            heading={format(text.protocolFailed, { protocol: members.map((m) => m.name).join(' / '), title: words.title })}
            words={words}
            checklistTitle={text.checklistTitle}
            serverWords={members.flatMap(({ name, view: member }) =>
              member.serverText
                ? [{ key: name, caption: format(text.serverSaid, { protocol: name, stage: stageLabels[member.stage] }), text: member.serverText }]
                : [],
            )}
          >
            {members.some((m) => m.view.detail) && (
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer">{text.technicalDetail}</summary>
                {members.map(({ name, view: member }) =>
                  member.detail ? (
                    <p key={name} className="mt-1">
                      {name}: <code className="font-mono break-all">{member.detail}</code>
                    </p>
                  ) : null,
                )}
              </details>
            )}
            <a href={`#${diagnosis.guideStep}`} className={`${secondaryButton} mt-4`}>
              {format(text.fixStep, { n: back.n, title: back.title })}
            </a>
          </DiagnosisCard>
        );
      })}
      <FallbackChoice offer={offer} usedHost={result.imap.endpoint.host} ownHost={shown.endpoints.imap.host} text={text} />
      <div className="mt-6 flex flex-wrap gap-3">
        <RetryButton label={text.retry} locked={false} />
        <a href="#configure-in-client" className={secondaryButton}>
          {text.edit}
        </a>
      </div>
    </div>
  );
}

function Refused({ result, props }: { result: Extract<ShownResult, { status: 'refused' }>; props: ResultPanelProps }) {
  const { locale } = props;
  const text = WIZARD_LATER_MESSAGES[locale].result;
  const retryAt = retryAtOf(result);
  const locked = useLockedUntil(retryAt);
  // The lockout is about the provider of the address checked, in its own words.
  useWizardLogic(true);
  const { provider } = useShownDomain().shown;
  const words = { provider: provider.name[locale], credential: provider.credential.name[locale] };
  return (
    <div>
      <h3 className="text-lg font-semibold">{format(text.refusedTitle[result.reason], words)}</h3>
      <p className="mt-2 leading-7">{format(text.refused[result.reason], words)}</p>
      <p className="mt-4 font-medium" id="result-retry-at">
        {format(text.retryAt, { time: formatRetryTime(retryAt, locale) })}
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <RetryButton label={text.retry} locked={locked} describedBy="result-retry-at" />
        <a href="#configure-in-client" className={secondaryButton}>
          {text.edit}
        </a>
      </div>
    </div>
  );
}

/** The last check's answer; `props` are the result step's (ResultPanelProps). */
export function ResultView({ result, props }: { result: ShownResult; props: ResultPanelProps }) {
  const { locale } = props;
  const text = WIZARD_LATER_MESSAGES[locale].result;
  switch (result.status) {
    // A visitor signs in on step 4 itself (./save-account-panel.tsx) and the check runs from
    // there; only a result kept in the tab from before that was so can still say this.
    case 'signed_out':
      return (
        <div>
          <h3 className="text-lg font-semibold">{text.signedOutTitle}</h3>
          <p className="mt-2 leading-7">{text.signedOut}</p>
          <a href="#configure-in-client" className={`${primaryButton} mt-4`}>
            {text.signIn}
          </a>
        </div>
      );
    case 'refused':
      return <Refused result={result} props={props} />;
    case 'checked':
      return <Checked result={result} props={props} />;
  }
}

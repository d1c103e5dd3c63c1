'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { primaryButton, secondaryButton } from '@/components/ui/styles';
import { format } from '@/lib/i18n/locale';
import { formatTime } from '@/lib/i18n/time';
import type { FailureOf } from '@/lib/actions/result';
import type { HelpProgressInput, StartHelpResult } from '@/lib/support/help-schema';
import type { CustomerHelpView } from '@/lib/support/help-sessions';
import { addressStore, checkStore } from '@/lib/wizard/client/stores';
import { goToStep } from '@/lib/wizard/client/navigation';
import { stepFromHash, WIZARD_STEPS, type WizardStep } from '@/lib/wizard/steps';
import type { ContactSupportProps } from './contact-support';
import { HELP_MESSAGES } from '@/lib/i18n/messages/help';

// 「联系客服」 at work: gives the customer a help code to read out to support, reports where they are
// while the request runs, and shows the steps staff suggest. The request lives on the server
// (its token in an httpOnly cookie), so a reload or another page of the app picks it up again.

const POLL_MS = 1500;
const ADDRESS_DEBOUNCE_MS = 600;

/** Why no help request was started. */
type HelpRefusal = Exclude<FailureOf<StartHelpResult>, { code: 'invalid' }>;

type Status = 'idle' | 'starting' | 'failed' | 'ended';

/** `123456` → `123 456`, easier to read out. */
const spaced = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

/**
 * 「联系客服」 once it is asked for (./contact-support.tsx draws it until then). `found`: the
 * request running already (null: none; undefined: not known yet); `start`: the reader pressed the button before this was here;
 * `focus`: the button had focus, and this one takes it.
 */
export function LiveContactSupport({
  place,
  locale,
  stepTitles,
  actions,
  found,
  start: startAtOnce,
  focus,
}: ContactSupportProps & { found: CustomerHelpView | null | undefined; start: boolean; focus: boolean }) {
  const text = HELP_MESSAGES[locale];
  const [view, setView] = useState<CustomerHelpView>(found ?? { active: false });
  // The answer to the last request for help, when none could be started.
  const [refused, setRefused] = useState<HelpRefusal | null>(null);
  const [open, setOpen] = useState(Boolean(found?.active));
  const [status, setStatus] = useState<Status>('idle');
  const panelId = useId();
  const titleId = useId();
  const endHintId = useId();
  const active = view.active;
  const lastReported = useRef<string>('');
  const router = useRouter();

  // Asked here when the question whether a request is running had no answer yet.
  useEffect(() => {
    if (found !== undefined) return;
    let cancelled = false;
    fetch('/api/help', { cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<CustomerHelpView>) : null))
      .then((running) => {
        if (!cancelled && running?.active) {
          setView(running);
          setOpen(true);
        }
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [found]);

  const toggle = useRef<HTMLButtonElement | null>(null);
  useLayoutEffect(() => {
    if (focus) toggle.current?.focus();
  }, [focus]);

  // While a request runs: ask whether staff joined or suggested a step. Paused in a hidden tab.
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      if (document.visibilityState === 'visible') {
        try {
          const response = await fetch('/api/help', { cache: 'no-store' });
          if (response.ok && !stopped) setView((await response.json()) as CustomerHelpView);
        } catch {
          // Offline for a moment: the next poll tries again.
        }
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active]);

  const report = useCallback(
    (input: HelpProgressInput) => {
      const key = JSON.stringify(input);
      if (key === lastReported.current) return;
      lastReported.current = key;
      actions.report(input).catch(() => {
        lastReported.current = '';
      });
    },
    [actions],
  );

  // Where the customer is: the wizard's step (from the hash), or this page.
  useEffect(() => {
    if (!active) return;
    lastReported.current = '';
    const reportStep = () => {
      const step = place === 'accounts' ? 'accounts' : (stepFromHash(window.location.hash) ?? currentWizardStep());
      report({ step, address: addressStore.get(), checking: checkStore.get().phase === 'running' });
    };
    reportStep();
    window.addEventListener('hashchange', reportStep);
    let addressTimer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribeAddress = addressStore.subscribe(() => {
      clearTimeout(addressTimer);
      addressTimer = setTimeout(reportStep, ADDRESS_DEBOUNCE_MS);
    });
    const unsubscribeCheck = checkStore.subscribe(reportStep);
    return () => {
      window.removeEventListener('hashchange', reportStep);
      clearTimeout(addressTimer);
      unsubscribeAddress();
      unsubscribeCheck();
    };
  }, [active, place, report]);

  async function start() {
    setOpen(true);
    setStatus('starting');
    try {
      const result = await actions.start();
      if (result.ok) setView(result.data);
      else setView({ active: false });
      setRefused(!result.ok && result.code !== 'invalid' ? result : null);
      setStatus('idle');
    } catch {
      setStatus('failed');
    }
  }

  // Once, for the press made before this was here.
  const started = useRef(false);
  useEffect(() => {
    if (!startAtOnce || started.current) return;
    started.current = true;
    void start();
  });

  async function end() {
    try {
      const result = await actions.end();
      if (result.ok) setView(result.data);
      setRefused(null);
      setStatus('ended');
    } catch {
      setStatus('failed');
    }
  }

  async function answer(seq: number, step: WizardStep, response: 'accepted' | 'dismissed') {
    if (response === 'accepted') {
      if (place === 'wizard') goToStep(step);
      else router.push(`/#${step}`);
    }
    try {
      const result = await actions.answer({ seq, response });
      if (result.ok) setView(result.data);
    } catch {
      // The suggestion stays on screen; the customer can answer again.
    }
  }

  const suggestion = view.active ? view.suggestion : null;

  return (
    <div className="mx-auto max-w-2xl px-4">
      {suggestion && (
        <div
          role="status"
          className="mt-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
        >
          <p className="font-medium">
            {format(text.suggestion, { n: WIZARD_STEPS.indexOf(suggestion.step) + 1, title: stepTitles[suggestion.step] })}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" className={primaryButton} onClick={() => void answer(suggestion.seq, suggestion.step, 'accepted')}>
              {format(text.accept, { n: WIZARD_STEPS.indexOf(suggestion.step) + 1 })}
            </button>
            <button type="button" className={secondaryButton} onClick={() => void answer(suggestion.seq, suggestion.step, 'dismissed')}>
              {text.dismiss}
            </button>
          </div>
        </div>
      )}

      <div className="mt-3 flex justify-end">
        {active || open ? (
          <button
            ref={toggle}
            type="button"
            className="min-h-11 rounded-lg px-3 text-sm font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((was) => !was)}
          >
            {open ? text.close : text.open}
            {active && !open && <span className="ml-2 font-mono">{spaced(view.code)}</span>}
          </button>
        ) : (
          <button ref={toggle} type="button" className={secondaryButton} onClick={() => void start()}>
            {text.open}
          </button>
        )}
      </div>

      <section
        id={panelId}
        aria-labelledby={titleId}
        hidden={!open}
        className="mt-2 rounded-xl border border-slate-300 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id={titleId} className="font-semibold">
          {text.panelTitle}
        </h2>
        <div aria-live="polite">
          {status === 'starting' && !active && <p className="mt-2 text-sm">{text.starting}</p>}
          {status === 'failed' && <p className="mt-2 text-sm text-red-800 dark:text-red-300">{text.failed}</p>}
          {status !== 'starting' && !view.active && refused && (
            <p className="mt-2 text-sm text-red-800 dark:text-red-300" data-testid="help-refused">
              {refused.code === 'busy'
                ? text.busy
                : format(text.rateLimited, { minutes: Math.ceil(refused.retryAfterSeconds / 60) })}
            </p>
          )}
          {status === 'ended' && !active && <p className="mt-2 text-sm">{text.ended}</p>}
          {view.active && (
            <>
              <p className="mt-2 text-sm leading-6">{text.intro}</p>
              <p className="mt-1 text-sm leading-6 font-medium">{text.privacy}</p>
              <p className="mt-3 text-sm">{text.codeLabel}</p>
              <p className="font-mono text-3xl font-semibold tracking-widest" data-testid="help-code">
                {spaced(view.code)}
              </p>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                {format(text.codeValidUntil, { time: formatTime(view.codeExpiresAt, locale, 'clock') })}
              </p>
              {view.joinedBy ? (
                <>
                  <p className="mt-3 text-sm font-medium" data-testid="help-joined">
                    {view.joinedBy.name ? format(text.joinedBy, { name: view.joinedBy.name }) : text.joined}
                  </p>
                  <p id={endHintId} className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                    {text.endAnyTime}
                  </p>
                </>
              ) : (
                <p className="mt-3 text-sm font-medium">{text.waiting}</p>
              )}
            </>
          )}
        </div>
        {view.active ? (
          <button
            type="button"
            className={`${secondaryButton} mt-3`}
            aria-describedby={view.joinedBy ? endHintId : undefined}
            onClick={() => void end()}
          >
            {text.end}
          </button>
        ) : (
          status !== 'starting' && (
            <button type="button" className={`${secondaryButton} mt-3`} onClick={() => void start()}>
              {text.open}
            </button>
          )
        )}
      </section>
    </div>
  );
}

function currentWizardStep(): WizardStep {
  const shown = document.documentElement.getAttribute('data-wizard');
  return stepFromHash(`#${shown ?? ''}`) ?? WIZARD_STEPS[0]!;
}

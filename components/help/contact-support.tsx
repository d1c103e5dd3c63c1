'use client';

import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { secondaryButton } from '@/components/ui/styles';
import type { HelpMessages } from '@/lib/i18n/messages/help';
import type { Locale } from '@/lib/i18n/locale';
import type { ActionResult } from '@/lib/actions/result';
import type { HelpProgressInput, HelpViewResult, StartHelpResult } from '@/lib/support/help-schema';
import type { CustomerHelpView } from '@/lib/support/help-sessions';
import { onDemand, useOnDemand } from '@/lib/wizard/client/on-demand';
import type { WizardStep } from '@/lib/wizard/steps';
import { EARLY_PRESS_TARGET, takeEarlyPress } from './early-press';

// 「联系客服」: gives the customer a help code to read out to support (./contact-support-live.tsx).
// Most visits never ask for help, so until someone might (a pointer over it, a press) or a
// request is running already, this draws the button and asks only whether one is running. A
// press made before the rest is here starts the request once it is.

/** The help-request actions (app/actions.ts), passed in by the page. */
export interface ContactSupportActions {
  start: () => Promise<StartHelpResult>;
  end: () => Promise<HelpViewResult>;
  report: (input: HelpProgressInput) => Promise<ActionResult<unknown>>;
  answer: (input: { seq: number; response: 'accepted' | 'dismissed' }) => Promise<HelpViewResult>;
}

export interface ContactSupportProps {
  /** Where this page is: the wizard reports its step; /accounts reports itself. */
  place: 'wizard' | 'accounts';
  locale: Locale;
  /** The words of the button and the hidden panel's title; the rest come with the live part. */
  text: Pick<HelpMessages, 'open' | 'panelTitle'>;
  stepTitles: Record<WizardStep, string>;
  actions: ContactSupportActions;
}

const liveHelp = onDemand(() => import('./contact-support-live'));

export function ContactSupport(props: ContactSupportProps) {
  const { text } = props;
  const panelId = useId();
  const titleId = useId();
  // A request started earlier (another page, a reload): undefined until the server answered,
  // then the request, or null for none.
  const [found, setFound] = useState<CustomerHelpView | null | undefined>(undefined);
  const [wanted, setWanted] = useState(false);
  const pressed = useRef(false);
  const buttons = useRef<HTMLDivElement | null>(null);
  const live = useOnDemand(liveHelp, wanted || Boolean(found?.active));
  const [handedOver, setHandedOver] = useState<{ found: CustomerHelpView | null | undefined; start: boolean; focus: boolean } | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetch('/api/help', { cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<CustomerHelpView>) : null))
      .then((answer) => {
        if (!cancelled) setFound(answer?.active ? answer : null);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  // A press made before this ran (./early-press.ts) is made again, now that it is heard.
  const openButton = useRef<HTMLButtonElement | null>(null);
  useLayoutEffect(() => {
    if (takeEarlyPress()) openButton.current?.click();
  }, []);

  // A press is a pointer going down and up on the same button. Were the live part to take over
  // in between (its code arriving then, on a busy phone), the button pressed would no longer be
  // the button released, and the browser would fire no click: the press would be lost. So the
  // hand-over waits while a pointer is down here, and a release on the button that was pressed
  // counts as the press (its click, if the button is still there, only says so again).
  const pointerDown = useRef(false);
  const [released, setReleased] = useState(0);

  // In the same task as the new button's first paint: a press in between cannot be lost.
  useLayoutEffect(() => {
    if (!live || handedOver || pointerDown.current) return;
    const focused = document.activeElement instanceof HTMLButtonElement && Boolean(buttons.current?.contains(document.activeElement));
    // What is known by then; the live part asks again itself if the answer is still to come.
    setHandedOver({ found, start: pressed.current, focus: focused });
  }, [live, handedOver, found, released]);

  if (live && handedOver) return <live.LiveContactSupport {...props} {...handedOver} />;

  const want = () => setWanted(true);
  const press = () => {
    pressed.current = true;
    want();
  };
  const pointerHandlers = {
    onPointerDown: () => {
      pointerDown.current = true;
    },
    onPointerUp: () => {
      if (pointerDown.current) press();
      pointerDown.current = false;
      setReleased((n) => n + 1);
    },
    // A scroll that began on the button, or a pointer that slid off it: no press.
    onPointerCancel: () => {
      pointerDown.current = false;
      setReleased((n) => n + 1);
    },
    onPointerLeave: () => {
      if (!pointerDown.current) return;
      pointerDown.current = false;
      setReleased((n) => n + 1);
    },
  };
  // The same HTML as the live part's before any request.
  return (
    <div ref={buttons} className="mx-auto max-w-2xl px-4" onPointerOver={want}>
      <div className="mt-3 flex justify-end">
        <button ref={openButton} type="button" className={secondaryButton} onClick={press} {...pointerHandlers} {...{ [EARLY_PRESS_TARGET]: '' }}>
          {text.open}
        </button>
      </div>
      <section
        id={panelId}
        aria-labelledby={titleId}
        hidden
        className="mt-2 rounded-xl border border-slate-300 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id={titleId} className="font-semibold">
          {text.panelTitle}
        </h2>
        <div aria-live="polite" />
        <button type="button" className={`${secondaryButton} mt-3`} onClick={press}>
          {text.open}
        </button>
      </section>
    </div>
  );
}

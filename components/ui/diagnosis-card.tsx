import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locale';
import type { Diagnosis } from '@/lib/mail-check/types';

/**
 * What went wrong with a check and what to look at, as the wizard's result step, a failing
 * mailbox on /accounts, a refused replacement code and the support console show it. The card
 * takes the words already in the reader's language, so it does not care where they are kept.
 */

export interface DiagnosisWords {
  title: string;
  explanation: string;
  /** Things to check, most likely cause first. */
  checklist: readonly string[];
}

/** A diagnosis's words in `locale`: the one place the card's callers read them from a `Diagnosis`. */
export function diagnosisWords(diagnosis: Diagnosis, locale: Locale): DiagnosisWords {
  return {
    title: diagnosis.title[locale],
    explanation: diagnosis.explanation[locale],
    checklist: diagnosis.checklist.map((item) => item[locale]),
  };
}

interface Look {
  box: string;
  heading: 'h3' | 'h4' | 'p';
  headingClass: string;
  explanation: string;
  checklist: string;
  /** How this place titles the checklist, if it does. */
  checklistTitle?: { as: 'h5' | 'p'; className: string };
  /** How this place quotes the mail server, if it does. */
  quotes?: { figure: string; caption: string; quote: string };
}

// Each place keeps the size and weight it had when it drew the card itself: a full card on the
// result step and /accounts, small print inside the replacement form, a plain entry for staff.
const LOOKS = {
  result: {
    box: 'mt-6 rounded-lg border border-red-200 p-4 dark:border-red-900',
    heading: 'h4',
    headingClass: 'font-semibold',
    explanation: 'mt-2 leading-7',
    checklist: 'mt-2 list-decimal space-y-1 pl-5 leading-7',
    checklistTitle: { as: 'h5', className: 'mt-4 font-medium' },
    quotes: {
      figure: 'mt-4',
      caption: 'text-sm font-medium text-slate-700 dark:text-slate-200',
      quote: 'mt-1 rounded-md bg-slate-100 p-3 dark:bg-slate-800',
    },
  },
  account: {
    box: 'mt-4 rounded-lg border border-red-200 bg-red-50/50 p-4 dark:border-red-900 dark:bg-red-950/40',
    heading: 'h3',
    headingClass: 'font-semibold',
    explanation: 'mt-2 leading-7',
    checklist: 'mt-1 list-decimal space-y-1 pl-5 leading-7',
    checklistTitle: { as: 'p', className: 'mt-3 font-medium' },
    quotes: { figure: 'mt-3', caption: 'text-sm font-medium', quote: 'mt-1 rounded-md bg-slate-100 p-2 dark:bg-slate-800' },
  },
  replace: {
    box: 'mt-3 rounded-lg border border-red-300 bg-red-50 p-3 text-sm leading-6 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50',
    heading: 'p',
    headingClass: 'font-semibold',
    explanation: 'mt-2',
    checklist: 'mt-2 list-decimal space-y-1 pl-5',
  },
  staff: {
    box: '',
    heading: 'p',
    headingClass: 'font-medium',
    explanation: '',
    checklist: 'mt-1 list-decimal pl-5',
  },
} satisfies Record<string, Look>;

export type DiagnosisLook = keyof typeof LOOKS;

export interface ServerWords {
  /** Unique among the card's quotes (the protocol). */
  key: string;
  /** Whose words these are, and where the check stopped. */
  caption: string;
  text: string;
}

export function DiagnosisCard({
  look,
  headingId,
  heading,
  lead,
  words,
  checklistTitle,
  serverWords = [],
  children,
}: {
  look: DiagnosisLook;
  /** With an id the card is a region named by its heading. */
  headingId?: string;
  /** The title as this place words it (with the protocol, or what failed); `words.title` when left out. */
  heading?: ReactNode;
  /** Between the heading and the explanation. */
  lead?: ReactNode;
  words: DiagnosisWords;
  /** Shown where the look titles its checklist (the result step, /accounts). */
  checklistTitle?: string;
  /** The mail server's own words, quoted under the checklist where the look quotes (the result step, /accounts). */
  serverWords?: readonly ServerWords[];
  /** After everything else: technical details, the link to the step that fixes it. */
  children?: ReactNode;
}) {
  const style: Look = LOOKS[look];
  const Heading = style.heading;
  const ChecklistTitle = style.checklistTitle?.as;
  const quotes = style.quotes;
  const content = (
    <>
      <Heading id={headingId} className={style.headingClass}>
        {heading ?? words.title}
      </Heading>
      {lead}
      <p className={style.explanation || undefined}>{words.explanation}</p>
      {ChecklistTitle && checklistTitle !== undefined && <ChecklistTitle className={style.checklistTitle?.className}>{checklistTitle}</ChecklistTitle>}
      <ol className={style.checklist}>
        {words.checklist.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ol>
      {quotes &&
        serverWords.map((quoted) => (
          <figure key={quoted.key} className={quotes.figure}>
            <figcaption className={quotes.caption}>{quoted.caption}</figcaption>
            <blockquote className={quotes.quote}>
              <code className="font-mono text-sm break-all">{quoted.text}</code>
            </blockquote>
          </figure>
        ))}
      {children}
    </>
  );
  return headingId ? (
    <section aria-labelledby={headingId} className={style.box || undefined}>
      {content}
    </section>
  ) : (
    <div className={style.box || undefined}>{content}</div>
  );
}

import type { ReactNode } from 'react';

/**
 * A labelled form field: the label, an optional hint, the control, and its error messages, with
 * the control's `aria-invalid` and `aria-describedby` pointing at the hint and the error so a
 * screen reader reads them with it. No hooks, so server pages and client forms both use it.
 */

/**
 * For text the phone's keyboard must leave exactly as typed (addresses, codes, host names): no
 * capital first letter, no autocorrect, no spell-check underlines.
 */
export const typedAsIs = { type: 'text', autoCapitalize: 'none', autoCorrect: 'off', spellCheck: false } as const;

/** What the control itself carries; spread it on the input, before react-hook-form's `register`. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** One message, or the list a schema gives (`z.flattenError`'s `fieldErrors`); none means valid. */
export type FieldMessages = string | readonly string[] | undefined;

/** Ids that also describe the control, beside its hint and error (a counter, a status line). */
export type DescribedBy = readonly (string | false | null | undefined)[];

export type FieldLook = keyof typeof LOOKS;

// The few spacings the product's forms have, kept as they were when each form wrote its own.
const LOOKS = {
  // The wizard's and /accounts' fields.
  roomy: {
    label: 'block font-medium',
    hint: 'mt-1 text-sm text-slate-600 dark:text-slate-300',
    error: 'mt-2 text-sm text-red-700 dark:text-red-300',
  },
  // Sign-in and sign-up.
  snug: {
    label: 'block font-medium',
    hint: 'mt-1 text-sm text-slate-600 dark:text-slate-400',
    error: 'mt-1 text-sm text-red-700 dark:text-red-300',
  },
  // Small labels for a group of short fields (manual server settings).
  small: {
    label: 'block text-sm font-medium',
    hint: 'mt-1 text-sm text-slate-600 dark:text-slate-300',
    error: 'mt-1 text-sm text-red-700 dark:text-red-300',
  },
  // Inside a form that spaces its children itself (`space-y-*`).
  flush: {
    label: 'block font-medium',
    hint: 'text-sm text-slate-600 dark:text-slate-400',
    error: 'text-sm text-red-700 dark:text-red-300',
  },
} satisfies Record<string, { label: string; hint: string; error: string }>;

function messagesOf(error: FieldMessages): readonly string[] {
  if (error === undefined) return [];
  return (typeof error === 'string' ? [error] : error).filter(Boolean);
}

function fieldHintId(id: string): string {
  return `${id}-hint`;
}

export function fieldErrorId(id: string): string {
  return `${id}-error`;
}

/**
 * The wiring `Field` gives its control, for a control whose hint or error sits apart from it (in
 * a grid, or in a live region further down): the hint first, then `describedBy`, then the error.
 */
export function fieldControl({
  id,
  hint = false,
  error,
  invalid,
  describedBy = [],
}: {
  id: string;
  /** The hint is shown, under `fieldHintId(id)`. */
  hint?: boolean;
  error?: FieldMessages;
  /** Invalid although no message is given here: the problem is told by an element in `describedBy`. */
  invalid?: boolean;
  describedBy?: DescribedBy;
}): FieldControlProps {
  const hasError = messagesOf(error).length > 0;
  const ids = [hint ? fieldHintId(id) : null, ...describedBy, hasError ? fieldErrorId(id) : null].filter(Boolean);
  return {
    id,
    'aria-invalid': hasError || invalid ? true : undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  };
}

/** A field's error messages under `fieldErrorId(id)`; nothing when there are none. */
export function FieldError({ id, error, look = 'roomy' }: { id: string; error: FieldMessages; look?: FieldLook }) {
  const messages = messagesOf(error);
  if (messages.length === 0) return null;
  const className = LOOKS[look].error;
  if (messages.length === 1) {
    return (
      <p id={fieldErrorId(id)} className={className}>
        {messages[0]}
      </p>
    );
  }
  return (
    <ul id={fieldErrorId(id)} className={className}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/** A field's hint under `fieldHintId(id)`, for a hint placed apart from its field. */
export function FieldHint({ id, look = 'roomy', children }: { id: string; look?: FieldLook; children: ReactNode }) {
  return (
    <p id={fieldHintId(id)} className={LOOKS[look].hint}>
      {children}
    </p>
  );
}

export interface FieldProps {
  /** The control's id; the hint's and the error's ids are made from it. */
  id: string;
  label: ReactNode;
  /** On the label's line, at the far end (the code field's counter). */
  labelAside?: ReactNode;
  hint?: ReactNode;
  error?: FieldMessages;
  invalid?: boolean;
  describedBy?: DescribedBy;
  look?: FieldLook;
  /** Class of the `div` around the field; `false` puts the parts straight into the parent. */
  wrapper?: string | false;
  /** After the error, inside the field: notes, links and live regions that belong to it. */
  after?: ReactNode;
  /** Renders the control with the props it must carry. */
  children: (control: FieldControlProps) => ReactNode;
}

export function Field({
  id,
  label,
  labelAside,
  hint,
  error,
  invalid,
  describedBy,
  look = 'roomy',
  wrapper = '',
  after,
  children,
}: FieldProps) {
  const hasHint = hint !== undefined && hint !== null && hint !== false && hint !== '';
  const labelElement = (
    <label htmlFor={id} className={LOOKS[look].label}>
      {label}
    </label>
  );
  const parts = (
    <>
      {labelAside === undefined ? (
        labelElement
      ) : (
        <div className="flex items-baseline justify-between gap-3">
          {labelElement}
          {labelAside}
        </div>
      )}
      {hasHint && (
        <FieldHint id={id} look={look}>
          {hint}
        </FieldHint>
      )}
      {children(fieldControl({ id, hint: hasHint, error, invalid, describedBy }))}
      <FieldError id={id} error={error} look={look} />
      {after}
    </>
  );
  return wrapper === false ? parts : <div className={wrapper || undefined}>{parts}</div>;
}

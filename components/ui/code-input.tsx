'use client';

import { useState, type ClipboardEvent } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field, typedAsIs, type FieldProps } from './field';
import { textInput } from './styles';

/** What the code cleaning removes (spaces, line breaks, zero-width characters), for a paste made before it is loaded. */
const INVISIBLE_OR_SPACE = /[\s\u200b-\u200d\u2060]/;

/**
 * How the field treats what is typed: a cleaning function (a code, cleaned as it arrives),
 * `'loading'` (a code, whose cleaning has not arrived yet), or `null` (a password: sent as typed,
 * so never rewritten here).
 */
export type CodeCleaning = ((text: string) => string) | 'loading' | null;

/**
 * The authorization code field of the wizard and of /accounts' "new code" form. A pasted code
 * arrives with spaces, line breaks and invisible characters between its groups; the field takes
 * them out as they arrive, but never while an input method is composing (a rewrite would break
 * the composition), and once it commits. `cleanedNote`, when given, says politely that it did.
 */
export function CodeInput({
  registration,
  clean,
  cleanedNote,
  onPaste,
  cleanedAtStart = false,
  onCleanedChange,
  after,
  ...field
}: Omit<FieldProps, 'children'> & {
  /** react-hook-form's `register('code')`, or the same wiring without it. */
  registration: UseFormRegisterReturn;
  clean: CodeCleaning;
  cleanedNote?: string;
  onPaste?: (event: ClipboardEvent<HTMLInputElement>) => void;
  /** The note shows from the start: the field takes over from one that had cleaned (the wizard's form). */
  cleanedAtStart?: boolean;
  /** Hears whether the note shows, each time that is decided. */
  onCleanedChange?: (cleaned: boolean) => void;
}) {
  const [cleaned, setCleanedState] = useState(cleanedAtStart);
  const setCleaned = (value: boolean) => {
    setCleanedState(value);
    onCleanedChange?.(value);
  };

  const cleanIn = (input: HTMLInputElement) => {
    if (typeof clean !== 'function') return;
    const value = clean(input.value);
    setCleaned(value !== input.value);
    if (value !== input.value) input.value = value;
  };

  return (
    <Field
      {...field}
      after={
        <>
          {cleanedNote !== undefined && (
            <div aria-live="polite" className="text-sm">
              {cleaned && clean !== null && <p className="mt-2 text-slate-600 dark:text-slate-300">{cleanedNote}</p>}
            </div>
          )}
          {after}
        </>
      }
    >
      {(control) => (
        <input
          {...control}
          {...typedAsIs}
          autoComplete="off"
          className={`${textInput} mt-2 font-mono tracking-wider`}
          {...registration}
          onChange={(event) => {
            if (!(event.nativeEvent as InputEvent).isComposing) cleanIn(event.target);
            void registration.onChange(event);
          }}
          onCompositionEnd={(event) => {
            cleanIn(event.currentTarget);
            void registration.onChange({ target: event.currentTarget, type: 'change' });
          }}
          onPaste={(event) => {
            onPaste?.(event);
            // Before the cleaning arrives the field cannot clean itself yet; a code will be once it
            // does, so the note about spaces and invisible characters is given now, as it would be then.
            if (clean === 'loading' && INVISIBLE_OR_SPACE.test(event.clipboardData.getData('text'))) setCleaned(true);
          }}
        />
      )}
    </Field>
  );
}

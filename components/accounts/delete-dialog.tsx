'use client';

import { useEffect, useId, useRef } from 'react';
import { format, type Locale } from '@/lib/i18n/locale';
import { ACCOUNTS_DELETE_MESSAGES } from '@/lib/i18n/messages/accounts-delete';

/**
 * Asks before deleting, naming the address. A modal <dialog>: the browser keeps focus inside and
 * Escape cancels; focus starts on "cancel", the choice that loses nothing. Fetched with its words
 * when someone reaches for a card's delete button (./account-card.tsx).
 */
export function DeleteDialog({
  open,
  address,
  busy,
  locale,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  address: string;
  busy: boolean;
  locale: Locale;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  const text = ACCOUNTS_DELETE_MESSAGES[locale];

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      cancelButton.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        // Escape: the dialog closes through our state, so focus goes back where it belongs.
        event.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold break-all">
        {format(text.title, { address })}
      </h2>
      <p id={`${id}-body`} className="mt-3 leading-7">
        {text.body}
      </p>
      <div className="mt-5 flex flex-wrap justify-end gap-3">
        <button ref={cancelButton} type="button" className="btn-secondary" onClick={() => !busy && onCancel()}>
          {text.cancel}
        </button>
        <button
          type="button"
          className="btn-danger"
          aria-disabled={busy ? true : undefined}
          onClick={() => !busy && onConfirm()}
        >
          {busy ? text.deleting : text.confirm}
        </button>
      </div>
    </dialog>
  );
}

'use client';

import { useEffect, useId, useRef } from 'react';
import { secondaryButton } from '@/components/ui/styles';
import { format } from '@/lib/i18n/locale';
import type { AccountsMessages } from '@/lib/i18n/messages/accounts';

const dangerButton =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-red-700 px-4 py-2 text-base font-medium text-white hover:bg-red-800 aria-disabled:cursor-progress aria-disabled:opacity-80 dark:bg-red-400 dark:text-slate-950 dark:hover:bg-red-300';

/**
 * Asks before deleting, naming the address. A modal <dialog>: the browser keeps focus inside and
 * Escape cancels; focus starts on "cancel", the choice that loses nothing.
 */
export function DeleteDialog({
  open,
  address,
  busy,
  text,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  address: string;
  busy: boolean;
  text: AccountsMessages['confirmDelete'];
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const id = useId();

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
        <button ref={cancelButton} type="button" className={secondaryButton} onClick={() => !busy && onCancel()}>
          {text.cancel}
        </button>
        <button
          type="button"
          className={dangerButton}
          aria-disabled={busy ? true : undefined}
          onClick={() => !busy && onConfirm()}
        >
          {busy ? text.deleting : text.confirm}
        </button>
      </div>
    </dialog>
  );
}

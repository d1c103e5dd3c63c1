import type { ReactNode } from 'react';

/**
 * A drawing made of HTML and CSS, read by assistive technology as one image: its name is the
 * caption and its description says what the drawing shows, call-out numbers included.
 * `lang` marks drawings of NetEase's own (Chinese) screens.
 */
export function Figure({
  id,
  title,
  description,
  lang,
  children,
}: {
  id: string;
  title: string;
  description: string;
  lang?: string;
  children: ReactNode;
}) {
  return (
    <figure className="my-6">
      <div
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        lang={lang}
        className="figure-frame"
      >
        {children}
      </div>
      <figcaption id={`${id}-title`} className="mt-2 muted-text">
        {title}
      </figcaption>
      <p id={`${id}-description`} className="sr-only">
        {description}
      </p>
    </figure>
  );
}

/** A thin browser frame with an address bar, for the webmail drawings. */
export function BrowserFrame({ url, children }: { url: string; children: ReactNode }) {
  return (
    <div>
      <div className="flex items-center gap-2 border-b border-slate-300 bg-slate-200 px-3 py-1.5 dark:border-slate-600 dark:bg-slate-800">
        <span className="flex gap-1" aria-hidden="true">
          <span className="size-2 rounded-full bg-slate-400" />
          <span className="size-2 rounded-full bg-slate-400" />
          <span className="size-2 rounded-full bg-slate-400" />
        </span>
        <span className="min-w-0 flex-1 truncate rounded bg-white px-2 font-mono text-[11px] text-slate-600 dark:bg-slate-950 dark:text-slate-300">
          {url}
        </span>
      </div>
      {children}
    </div>
  );
}

/** A toggle drawn switched on. */
export function SwitchOn() {
  return (
    <span className="inline-flex h-5 w-9 shrink-0 items-center justify-end rounded-full bg-green-600 p-0.5 dark:bg-green-500">
      <span className="size-4 rounded-full bg-white" />
    </span>
  );
}

/** Grey bars standing for text the drawing leaves out. */
export function Placeholder({ width }: { width: string }) {
  return <span className={`block h-2 rounded bg-slate-300 dark:bg-slate-700 ${width}`} />;
}

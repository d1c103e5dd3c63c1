import type { CodeFormat } from '@/lib/providers/types';
import { Figure } from './figure';

// Made-up letters, never a usable code; shaped by the provider's recorded format.
const SAMPLE_LETTERS = 'abcdefghjkmnpqrstuvwxyz';

/** A made-up code in the provider's recorded format; undefined when no format is on record. */
export function sampleCode(format: CodeFormat | undefined): string | undefined {
  if (!format) return undefined;
  const letters = Array.from({ length: format.length }, (_, i) => SAMPLE_LETTERS[i % SAMPLE_LETTERS.length]).join('');
  if (!format.separator) return letters;
  return letters.match(/.{1,4}/g)?.join(format.separator) ?? letters;
}

/** What the provider's code looks like, as a card with a made-up sample (or none, where the format is unknown). */
export function CredentialSampleIllustration({
  id,
  credentialName,
  format,
  text,
}: {
  id: string;
  credentialName: string;
  format: CodeFormat | undefined;
  text: { title: string; description: string; unknownDescription: string; unknownFormat: string; copyNow: string; sample: string };
}) {
  const sample = sampleCode(format);
  return (
    <Figure id={id} title={text.title} description={sample ? text.description : text.unknownDescription}>
      <div className="p-4 text-xs">
        <div className="mx-auto max-w-sm rounded-lg border border-slate-300 bg-white p-3 shadow dark:border-slate-600 dark:bg-slate-950">
          <p className="font-semibold">{credentialName}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            {sample ? (
              <>
                <span className="rounded border border-dashed border-slate-400 px-2 py-1 font-mono text-sm tracking-wider break-all">{sample}</span>
                <span className="rounded bg-slate-200 px-1.5 py-0.5 text-[10px] font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-100">
                  {text.sample}
                </span>
              </>
            ) : (
              <span className="rounded border border-dashed border-slate-400 px-2 py-1 text-slate-600 dark:text-slate-300">{text.unknownFormat}</span>
            )}
          </div>
          <p className="mt-3 text-red-700 dark:text-red-300">{text.copyNow}</p>
        </div>
      </div>
    </Figure>
  );
}

import { Callout } from '@/components/ui/callout';
import { BrowserFrame, Figure, Placeholder } from './figure';

/**
 * A provider's settings path drawn as the menu items to click, numbered in order, inside a
 * browser frame. Generic on purpose: we draw no provider's real screen we have not seen.
 */
export function SettingsPathIllustration({
  id,
  url,
  path,
  title,
  description,
}: {
  id: string;
  url: string;
  /** The places to click, in order (the path's parts between the arrows). */
  path: readonly string[];
  title: string;
  description: string;
}) {
  return (
    <Figure id={id} title={title} description={description}>
      <BrowserFrame url={url}>
        <div className="p-4 text-xs">
          <ol className="flex flex-wrap items-center gap-2">
            {path.map((part, index) => (
              <li key={`${index}-${part}`} className="flex items-center gap-2">
                {index > 0 && (
                  <span aria-hidden="true" className="text-slate-500">
                    →
                  </span>
                )}
                <span className="flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2 py-1 font-medium shadow-sm dark:border-slate-600 dark:bg-slate-950">
                  <Callout n={index + 1} />
                  {part}
                </span>
              </li>
            ))}
          </ol>
          <div className="mt-4 space-y-2" aria-hidden="true">
            <Placeholder width="w-3/4" />
            <Placeholder width="w-1/2" />
            <Placeholder width="w-2/3" />
          </div>
        </div>
      </BrowserFrame>
    </Figure>
  );
}

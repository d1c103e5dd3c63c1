import { useEffect, useSyncExternalStore } from 'react';

// A part of the wizard that is fetched when the reader first needs it (a key pressed, a step
// reached, a result to show) rather than with the page, whose first load counts every script it
// fetches before the network settles. Each part is fetched once; a failed fetch (a dropped
// connection) is not remembered, so the next need tries again.

export interface OnDemand<T> {
  /** The module, fetched now if it is not here yet. */
  load(): Promise<T>;
  /** Starts the fetch and ignores a failure; the next need retries. */
  preload(): void;
  /** The module once it is here, else null. */
  current(): T | null;
  subscribe(listener: () => void): () => void;
}

/** `onLoad` runs once the module is here, before anything that waits for it hears so. */
export function onDemand<T>(fetchModule: () => Promise<T>, onLoad?: (module: T) => void): OnDemand<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  const load = () =>
    (loading ??= fetchModule().then(
      (part) => {
        onLoad?.(part);
        loaded = part;
        listeners.forEach((listener) => listener());
        return part;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  return {
    load,
    preload: () => {
      load().catch(() => {});
    },
    current: () => loaded,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * The part once it is here (null before it is, and while the page hydrates, like the server
 * HTML); `needed` starts the fetch.
 */
export function useOnDemand<T>(part: OnDemand<T>, needed: boolean): T | null {
  const loaded = useSyncExternalStore(part.subscribe, part.current, () => null);
  useEffect(() => {
    if (needed) part.preload();
  }, [part, needed]);
  return loaded;
}

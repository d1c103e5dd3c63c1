import { useSyncExternalStore } from 'react';

// A tiny store shared by the wizard's client islands (they live in different steps of one page),
// optionally mirrored in sessionStorage so a reload or a sign-in round trip keeps the place.
// The server snapshot is always `initial`, so hydration matches the server HTML and the saved
// value appears on the next render.

export interface SessionStore<T> {
  get(): T;
  getServerSnapshot(): T;
  set(next: T): void;
  subscribe(listener: () => void): () => void;
}

export function createSessionStore<T>(options: {
  /** sessionStorage key; `null` keeps the value in memory only. */
  key: string | null;
  initial: T;
  /** Turns what was stored into a value, or `undefined` when it is not one (an old format). */
  decode?: (stored: unknown) => T | undefined;
}): SessionStore<T> {
  const { key, initial, decode } = options;
  const listeners = new Set<() => void>();
  let value = initial;
  let loaded = key === null;

  const load = () => {
    if (loaded || typeof window === 'undefined') return;
    loaded = true;
    try {
      const raw = window.sessionStorage.getItem(key as string);
      if (raw === null) return;
      const decoded = decode ? decode(JSON.parse(raw)) : (JSON.parse(raw) as T);
      if (decoded !== undefined) value = decoded;
    } catch {
      // Storage can be disabled (private modes, embedded views): the wizard still works, it
      // only forgets the place on reload.
    }
  };

  return {
    get() {
      load();
      return value;
    },
    getServerSnapshot: () => initial,
    set(next) {
      load();
      if (Object.is(next, value)) return;
      value = next;
      if (key !== null) {
        try {
          if (Object.is(next, initial)) window.sessionStorage.removeItem(key);
          else window.sessionStorage.setItem(key, JSON.stringify(next));
        } catch {
          // See `load`.
        }
      }
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export function useSessionStore<T>(store: SessionStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.getServerSnapshot);
}

import { AsyncLocalStorage, createHook, type AsyncHook } from 'node:async_hooks';

// Test utility: which sockets, timers and DNS requests did a piece of code create and leave
// behind? Resources are attributed by async context, not by time: peers running in the same
// process create their sockets in their servers' contexts, which carry no token, so only what
// the tracked code (and every callback it scheduled) created is counted.

/** Async resource types that hold a process open or a connection up. */
export const LEAK_PRONE_TYPES: readonly string[] = [
  'TCPWRAP',
  'TLSWRAP',
  'TCPCONNECTWRAP',
  'GETADDRINFOREQWRAP',
  'GETNAMEINFOREQWRAP',
  'QUERYWRAP',
  'PIPEWRAP',
  'Timeout',
  'Immediate',
];

export interface TrackedResource {
  asyncId: number;
  type: string;
  /** Label of the `track` call that created it. */
  label: string;
  /** Where it was created, for the failure message. */
  stack: string;
}

export interface ResourceTracker {
  /** Runs `work`, recording the resources created inside it (and in its callbacks) under `label`. */
  track<T>(label: string, work: () => Promise<T>): Promise<T>;
  /** Resources recorded by `track` and not destroyed yet. */
  open(): TrackedResource[];
  /** How many resources `track` recorded since the last reset, by type: proof it saw anything. */
  created(): Record<string, number>;
  /**
   * Waits up to `withinMs` for the recorded resources to be destroyed (a destroy hook can run a
   * tick after 'close'), then returns those still open.
   */
  leftOpen(withinMs?: number): Promise<TrackedResource[]>;
  /** Forgets everything recorded so far. */
  reset(): void;
  disable(): void;
}

interface Token {
  label: string;
}

export function createResourceTracker(types: readonly string[] = LEAK_PRONE_TYPES): ResourceTracker {
  const watched = new Set(types);
  const storage = new AsyncLocalStorage<Token>();
  const live = new Map<number, TrackedResource>();
  let createdByType: Record<string, number> = {};
  const hook: AsyncHook = createHook({
    init(asyncId, type) {
      if (!watched.has(type)) return;
      const token = storage.getStore();
      if (!token) return;
      // Error().stack allocates no async resource, so this cannot recurse.
      const stack = (new Error().stack ?? '').split('\n').slice(2, 12).join('\n');
      live.set(asyncId, { asyncId, type, label: token.label, stack });
      createdByType[type] = (createdByType[type] ?? 0) + 1;
    },
    destroy(asyncId) {
      live.delete(asyncId);
    },
  });
  hook.enable();

  const open = () => [...live.values()];

  return {
    track(label, work) {
      return storage.run({ label }, work);
    },
    open,
    created: () => ({ ...createdByType }),
    async leftOpen(withinMs = 500) {
      const until = performance.now() + withinMs;
      // Polled with setImmediate outside any token, so the polling itself is never counted.
      while (live.size > 0 && performance.now() < until) {
        await new Promise<void>((resolve) => storage.exit(() => setImmediate(resolve)));
      }
      return open();
    },
    reset() {
      live.clear();
      createdByType = {};
    },
    disable() {
      hook.disable();
      live.clear();
    },
  };
}

/** One line per leaked resource, with where it was created. */
export function describeLeaks(resources: readonly TrackedResource[]): string {
  return resources.map((r) => `${r.type} (${r.label}) created at\n${r.stack}`).join('\n\n');
}

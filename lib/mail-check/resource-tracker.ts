import { AsyncLocalStorage, createHook, type AsyncHook } from 'node:async_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

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

// A TLSWRAP is an object over a socket, not a handle: when its socket is destroyed in the
// middle of the handshake, Node emits its destroy hook only once the garbage collector takes
// it (the TCP handle under it is closed at once, and is tracked separately). Before calling
// such a wrap a leak, the tracker lets the collector run.
const COLLECTED_BY_GC: ReadonlySet<string> = new Set(['TLSWRAP']);

let gcFunction: (() => void) | undefined;
function collectGarbage(): void {
  if (!gcFunction) {
    // The usual way to reach gc() without starting Node with --expose-gc; test-only.
    v8.setFlagsFromString('--expose-gc');
    gcFunction = vm.runInNewContext('gc') as () => void;
  }
  gcFunction();
}

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
      const tick = () => new Promise<void>((resolve) => storage.exit(() => setImmediate(resolve)));
      while (live.size > 0 && performance.now() < until) {
        if (open().every((r) => COLLECTED_BY_GC.has(r.type))) collectGarbage();
        await tick();
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

// Types for scripts/build-stamp.mjs, which TypeScript code (the README check) imports too.
export function sourceStamp(root: string): string;
export function buildIsCurrent(root: string, stamp?: string, fingerprint?: string): boolean;
export function recordBuild(root: string, stamp?: string, fingerprint?: string): void;

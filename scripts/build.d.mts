// Types for scripts/build.mjs, which the browser tests' server imports too.
export function buildApp(root: string, options?: { force?: boolean; afterTypeCheck?: boolean }): boolean;

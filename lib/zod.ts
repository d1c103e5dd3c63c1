import { z } from 'zod';

// zod, as every schema of the app imports it. In the browser, zod 4 would compile object parsers
// with `new Function` and, before the first parse, probes whether it may (a try/catch around
// `Function("")`). The Content-Security-Policy (proxy.ts) allows no eval, so that probe is a
// reported violation on every page with a form, although zod then parses without it. `jitless`
// skips the probe and the compiler in the browser; the server keeps the compiled parsers.
if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };

import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { languageTag } from '@/lib/i18n/locale';
import { getLocale, getMessages } from '@/lib/i18n/server';
import './globals.css';

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

// The icon is a static file (public/icon.svg), served with the headers next.config.ts gives
// every non-page response; the pages inherit this link to it.
const ICONS: Metadata['icons'] = { icon: [{ url: '/icon.svg', type: 'image/svg+xml', sizes: 'any' }] };

/** Defaults for every page, in the reader's language; pages may refine them. */
export async function generateMetadata(): Promise<Metadata> {
  const { meta } = getMessages(await getLocale());
  return { title: meta.title, description: meta.description, icons: ICONS };
}

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // Every page is rendered for its request, never at build time: its Content-Security-Policy
  // (proxy.ts) carries a nonce made for that response, and a page rendered ahead would carry
  // scripts without it, which the browser refuses. The locale cookie alone would do the same
  // today; this says it where a later change cannot undo it by accident.
  await connection();
  const locale = await getLocale();
  return (
    // The wizard's boot script sets data-wizard on <html> before hydration; React is told to
    // expect that one difference.
    <html lang={languageTag(locale)} suppressHydrationWarning>
      <body className="min-h-dvh bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}

import type { Viewport } from 'next';
import { languageTag } from '@/lib/i18n/locale';
import { getLocale } from '@/lib/i18n/server';
import './globals.css';

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
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

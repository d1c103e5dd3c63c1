import Link from 'next/link';
import { textLink } from '@/components/ui/styles';
import { getLocale, getMessages } from '@/lib/i18n/server';

// The 404 page: an address that names no page, and every notFound() (a help session that belongs
// to someone else, practice mode when it is off). In the reader's language, and styled only by
// the app's stylesheet: Next's built-in one sets style attributes and a <style> element, which
// the pages' Content-Security-Policy refuses (lib/security/content-security-policy.ts).
// A server component with a plain link: Next sends it along with every page.

export default async function NotFound() {
  const text = getMessages(await getLocale()).notFound;
  return (
    <main className="mx-auto max-w-2xl px-4 pt-8 pb-16 sm:pt-12">
      <h1 className="text-2xl font-semibold">{text.title}</h1>
      <p className="mt-3 leading-7">{text.body}</p>
      <p className="mt-5">
        <Link href="/" className={textLink}>
          {text.home}
        </Link>
      </p>
    </main>
  );
}

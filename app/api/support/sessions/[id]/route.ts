import { getLocale } from '@/lib/i18n/server';
import { currentStaffMember } from '@/lib/support/access';
import { readStaffSessionView } from '@/lib/support/console';

// The staff page's live refresh (about once a second): the same view the page rendered, read
// again. Anyone but the staff member who entered the code first gets the same 404 as a wrong id.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const notFound = () => Response.json({ error: 'not_found' }, { status: 404, headers: { 'cache-control': 'no-store' } });
  const caller = await currentStaffMember();
  if (!caller) return notFound();
  const { id } = await params;
  const view = await readStaffSessionView(caller.db, caller.staff, id, await getLocale());
  if (!view) return notFound();
  return Response.json(view, { headers: { 'cache-control': 'no-store' } });
}

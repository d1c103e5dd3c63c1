import { getDatabase } from '@/lib/db/client';
import { readHelpToken } from '@/lib/support/help-cookie';
import { readCustomerHelpView } from '@/lib/support/help-sessions';

// The customer's browser asks here, every second or two while it has a help request, whether
// staff joined (and who) and whether they suggested a step. One indexed lookup by the token's
// hash, joined to the staff member's name.
export async function GET(): Promise<Response> {
  const token = await readHelpToken();
  const view = token ? await readCustomerHelpView((await getDatabase()).db, token) : { active: false };
  return Response.json(view, { headers: { 'cache-control': 'no-store' } });
}

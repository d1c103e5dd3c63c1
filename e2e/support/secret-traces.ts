import type { Page } from '@playwright/test';

// Where a secret typed into a page could have gone besides the one request meant to carry it:
// every request the page made (URL, headers, body), and everything the browser keeps for the site
// (cookies, localStorage, sessionStorage, IndexedDB). A test records the requests from the start,
// snapshots the storage at each stage, and searches both for the secret.

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  /** The server action's id (the `next-action` header), when it is one. */
  action?: string;
}

/** Every request `page` makes from now on. */
export function recordRequests(page: Page): SentRequest[] {
  const sent: SentRequest[] = [];
  page.on('request', (request) => {
    const headers = request.headers();
    sent.push({ url: request.url(), method: request.method(), headers, body: request.postData() ?? '', action: headers['next-action'] });
  });
  return sent;
}

/** All the browser keeps for the page's site, as text: cookies, both web storages, every IndexedDB record. */
export async function storedForSite(page: Page): Promise<{ cookies: string; localStorage: string; sessionStorage: string; indexedDB: string }> {
  const cookies = JSON.stringify(await page.context().cookies());
  const inPage = await page.evaluate(async () => {
    const records: string[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open(info.name!);
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const reading = db.transaction(store, 'readonly').objectStore(store).getAll();
          reading.onsuccess = () => resolve(reading.result);
          reading.onerror = () => reject(reading.error);
        });
        records.push(`${info.name}/${store}: ${JSON.stringify(all)}`);
      }
      db.close();
    }
    return {
      localStorage: JSON.stringify({ ...localStorage }),
      sessionStorage: JSON.stringify({ ...sessionStorage }),
      indexedDB: records.join('\n'),
    };
  });
  return { cookies, ...inPage };
}

// Upload one file through the page's own fetch, as the import page does, and wait for its activity.
import type { Page } from 'playwright-core';

/** The id of the activity the file became (throws when the upload fails or never finishes). */
export async function uploadText(
  page: Page,
  name: string,
  content: string | Uint8Array,
): Promise<string> {
  const b64 = Buffer.from(content).toString('base64');
  const id = await page.evaluate(
    async ({ name, b64 }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      const up = (await (await fetch('/api/uploads', { method: 'POST', body: form })).json()) as {
        uploads: Array<{ id: string }>;
      };
      for (let i = 0; i < 400; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const u = (await (await fetch(`/api/uploads/${up.uploads[0]?.id}`)).json()) as {
          status: string;
          activityIds: string[];
        };
        if (u.status === 'done') return u.activityIds[0] ?? '';
        if (u.status === 'failed') return '';
      }
      return '';
    },
    { name, b64 },
  );
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error(`upload of ${name} gave no activity`);
  return id;
}

/**
 * GET /api/v1/recipients: the age recipients of the current editors, which the report page
 * encrypts reporters' private fields to. Public (they are public keys), cacheable for a short
 * while so a new editor's key reaches pages soon, and kept by the service worker for offline use.
 */
import type { Hono } from 'hono';
import { listEditorRecipients } from '../../store/editor-recipients.ts';
import type { AppContext } from '../../app/context.ts';
import type { Env } from '../common.ts';

export function registerRecipientRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.get('/api/v1/recipients', async (c) => {
    const rows = await listEditorRecipients(ctx.db);
    c.header('Cache-Control', 'public, max-age=300');
    // Editors' names stay private: a recipient is all a reporter's browser needs.
    return c.json({ recipients: rows.map((r) => ({ recipient: r.recipient, since: r.created_at.toISOString() })) });
  });
}

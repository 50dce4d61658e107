/**
 * Editors' age recipients: the public halves of the identities editors keep to open reporters'
 * private fields. The identities themselves never reach the server.
 */
import type { Queryable } from './db.ts';

export interface EditorRecipientRow {
  username: string;
  recipient: string;
  created_at: Date;
}

/** Sets (or replaces) an editor's recipient. */
export async function setEditorRecipient(q: Queryable, userId: number, recipient: string): Promise<void> {
  await q.query(
    `insert into editor_recipients (user_id, recipient) values ($1, $2)
     on conflict (user_id) do update set recipient = excluded.recipient, created_at = now()`,
    [userId, recipient],
  );
}

export async function removeEditorRecipient(q: Queryable, userId: number): Promise<boolean> {
  const rows = await q.query('delete from editor_recipients where user_id = $1 returning user_id', [userId]);
  return rows.length > 0;
}

/** Recipients of editors whose accounts are active: whom a new report is encrypted to. */
export async function listEditorRecipients(q: Queryable): Promise<EditorRecipientRow[]> {
  return q.query<EditorRecipientRow>(
    `select u.username, r.recipient, r.created_at from editor_recipients r join users u on u.id = r.user_id
     where u.disabled_at is null order by r.created_at, u.username`,
  );
}

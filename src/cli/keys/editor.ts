/**
 * `caravan keys editor ...`: the editors' age recipients, to which the report page encrypts
 * reporters' contact details. The server keeps only recipients; an identity printed by `new` is
 * shown once and never stored, so a seized server opens no contact details.
 */
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { loadConfig } from '../../app/config.ts';
import { type AppContext, createContext } from '../../app/context.ts';
import { listEditorRecipients, removeEditorRecipient, setEditorRecipient } from '../../store/editor-recipients.ts';
import { findUserByName } from '../../store/users.ts';
import type { KeysGroup } from './group.ts';

const RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

const HELP = `usage:
  caravan keys editor new <username>                 make an age identity for the editor; prints
                                                     the secret key once (it is not stored)
  caravan keys editor add <username> <age1...>       use a recipient the editor made (age-keygen)
  caravan keys editor list                           editors and their recipients
  caravan keys editor remove <username>              stop encrypting to this editor

New reports encrypt contact details to every listed editor; earlier reports stay encrypted to
the editors listed when they were sent. Editors open them on a report's page by pasting their
AGE-SECRET-KEY-1..., or with "age -d -i key.txt".`;

async function userIdOf(ctx: AppContext, username: string): Promise<number> {
  const user = await findUserByName(ctx.db, username);
  if (!user) throw new NotFoundError(`user ${username}`);
  return user.id;
}

/** The actions, on a context, so tests run them without a data folder. */
export const editorKeys = {
  async add(ctx: AppContext, username: string, recipient: string): Promise<void> {
    if (!RECIPIENT.test(recipient)) {
      throw new ValidationError([{ field: 'recipient', message: 'must be an age X25519 recipient (age1 and 58 more characters)' }]);
    }
    await setEditorRecipient(ctx.db, await userIdOf(ctx, username), recipient);
  },
  /** Returns the identity, for the editor to keep; only its recipient is stored. */
  async create(ctx: AppContext, username: string): Promise<{ identity: string; recipient: string }> {
    const userId = await userIdOf(ctx, username);
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    await setEditorRecipient(ctx.db, userId, recipient);
    return { identity, recipient };
  },
  async remove(ctx: AppContext, username: string): Promise<boolean> {
    return removeEditorRecipient(ctx.db, await userIdOf(ctx, username));
  },
  list: (ctx: AppContext) => listEditorRecipients(ctx.db),
};

export const editorKeysGroup: KeysGroup = {
  summary: "editors' age recipients for reporters' contact details",
  help: HELP,
  async run(args, env) {
    const [sub, username, recipient, extra] = args;
    const arity: Record<string, number> = { new: 2, add: 3, list: 1, remove: 2 };
    if (!sub || arity[sub] === undefined || args.length !== arity[sub] || extra !== undefined) {
      console.error(HELP);
      return 2;
    }
    const ctx = await createContext(loadConfig(env), 'caravan keys editor');
    try {
      if (sub === 'list') {
        for (const r of await editorKeys.list(ctx)) console.log(`${r.username}\t${r.recipient}\t${r.created_at.toISOString()}`);
      } else if (sub === 'add') {
        await editorKeys.add(ctx, username!, recipient!);
        console.log(`${username} will be able to open contact details of new reports`);
      } else if (sub === 'remove') {
        const removed = await editorKeys.remove(ctx, username!);
        console.log(removed ? `new reports will no longer be encrypted to ${username}` : `${username} had no recipient`);
      } else {
        const { identity, recipient: made } = await editorKeys.create(ctx, username!);
        console.error(`Recipient ${made} stored for ${username}. Give ${username} the secret key below, once,`);
        console.error('over a safe channel; it is not kept anywhere else. Losing it loses the contact details.');
        console.log(identity);
      }
      return 0;
    } finally {
      await ctx.db.close();
    }
  },
};

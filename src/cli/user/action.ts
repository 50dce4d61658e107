import { createInterface } from 'node:readline';
import { createUserAccount } from '../../app/accounts/accounts.ts';
import type { Config } from '../../app/config.ts';
import { createContext } from '../../app/context.ts';
import { passwordRule } from '../../publish/editor/password-rule.ts';
import { listUsers } from '../../store/users.ts';

/** Reads a line without echoing it when standard input is a terminal. */
async function readSecret(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const rl = createInterface({ input, terminal: false });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  process.stdout.write(prompt);
  input.setRawMode(true);
  input.resume();
  let secret = '';
  return new Promise((resolve, reject) => {
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stdout.write('\n');
          resolve(secret);
          return;
        }
        if (ch === '\u0003') {
          input.setRawMode(false);
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f') secret = secret.slice(0, -1);
        else secret += ch;
      }
    };
    input.on('data', onData);
  });
}

export async function addUser(config: Config, username: string, role: 'editor' | 'admin', fromStdin: boolean): Promise<number> {
  // The store first: a server holding it is said before anyone types a password for nothing.
  const ctx = await createContext(config, 'caravan user add');
  try {
    if (process.stdin.isTTY) console.log(passwordRule('en'));
    let password = await readSecret('Password: ');
    if (!fromStdin && process.stdin.isTTY) {
      const again = await readSecret('Again: ');
      if (again !== password) {
        console.error('caravan user add: the passwords do not match');
        return 1;
      }
    }
    password = password.replace(/\r?\n$/, '');
    const user = await createUserAccount(ctx, { username, password, role });
    console.log(`added ${user.role} ${user.username}`);
    return 0;
  } finally {
    await ctx.db.close();
  }
}

export async function listAccounts(config: Config): Promise<number> {
  const ctx = await createContext(config, 'caravan user list');
  try {
    for (const u of await listUsers(ctx.db)) {
      console.log(`${u.username}\t${u.role}${u.disabled_at ? '\tdisabled' : ''}`);
    }
    return 0;
  } finally {
    await ctx.db.close();
  }
}

/**
 * `caravan witness`: register, list and remove the witnesses the log asks for cosignatures.
 * The collection itself runs in `caravan serve` (app/witness/ask-witnesses.ts).
 */
import { CaravanError } from '../../core/errors.ts';
import { verifierKeyParts, COSIGNATURE_V1_TYPE } from '../../log/note.ts';
import type { Config } from '../../app/config.ts';
import { createContext } from '../../app/context.ts';
import { insertLogWitness, listLogWitnesses, removeLogWitness } from '../../store/witness.ts';

type FetchText = (url: string) => Promise<{ status: number; text: string }>;

const defaultFetch: FetchText = async (url) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000), headers: { accept: 'text/plain' } });
  return { status: res.status, text: await res.text() };
};

/**
 * The witness's submission prefix: as given, without trailing slashes or a trailing
 * /add-checkpoint, since tlog-witness lets a witness choose any prefix. A bare chronicle address
 * ("https://m.example") means that chronicle's own witness, at /witness.
 */
export function submissionPrefix(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new CaravanError('bad_request', `not a URL: ${url}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new CaravanError('bad_request', `not an http(s) URL: ${url}`);
  if (u.search || u.hash) throw new CaravanError('bad_request', `a submission prefix has no query or fragment: ${url}`);
  let path = u.pathname.replace(/\/+$/, '').replace(/\/add-checkpoint$/, '');
  if (path === '') path = '/witness';
  return `${u.origin}${path}`;
}

function checkWitnessKey(key: string): void {
  if (key.trim() === '')
    throw new CaravanError('bad_request', '--key is empty; give the witness verifier key, or leave --key out to read it from the witness');
  let type: number;
  try {
    type = verifierKeyParts(key).type;
  } catch (err) {
    throw new CaravanError('bad_request', `${key} is not a verifier key: ${(err as Error).message}`);
  }
  if (type !== COSIGNATURE_V1_TYPE) throw new CaravanError('bad_request', `${key} is not a witness (cosignature, type 0x04) key`);
}

/** The witness's key as its /witness page states it. */
export async function discoverWitnessKey(prefix: string, fetchText: FetchText = defaultFetch): Promise<string> {
  let page: { status: number; text: string };
  try {
    page = await fetchText(prefix);
  } catch (err) {
    throw new CaravanError(
      'unavailable',
      `could not read ${prefix} (${err instanceof Error ? err.message : String(err)}); pass the key with --key`,
    );
  }
  if (page.status !== 200)
    throw new CaravanError(
      'unavailable',
      `${prefix} answered HTTP ${page.status}: ${page.text.split('\n', 1)[0]}; pass the key with --key`,
    );
  const key = /^verifier key: (\S+)$/m.exec(page.text)?.[1];
  if (!key) throw new CaravanError('unavailable', `${prefix} states no verifier key; pass the key with --key`);
  checkWitnessKey(key);
  return key;
}

export async function witnessAdd(config: Config, url: string, key: string | undefined, fetchText?: FetchText): Promise<number> {
  const prefix = submissionPrefix(url);
  if (key !== undefined) checkWitnessKey(key);
  const verifierKey = key ?? (await discoverWitnessKey(prefix, fetchText));
  const name = verifierKeyParts(verifierKey).name;
  const ctx = await createContext(config, 'caravan witness add');
  try {
    const added = await insertLogWitness(ctx.db, { name, verifierKey, url: prefix, now: ctx.now() });
    if (!added) {
      console.error(`caravan witness: a witness named ${name} or with this key is already registered; remove it first`);
      return 1;
    }
  } finally {
    await ctx.db.close();
  }
  console.log(`added witness ${name} at ${prefix}`);
  if (!key) {
    console.error(
      `caravan witness: WARNING: the key of ${name} was read from ${prefix} itself and is trusted on first use:\n  ${verifierKey}\n` +
        'Anyone who controls that address could have put their own key there. Compare it with the key the witness\'s operator gave you; if it differs, run "caravan witness remove" now.',
    );
  }
  console.log('"caravan serve" asks it to cosign the next checkpoint; it must follow this chronicle ("caravan mirror add") to agree.');
  return 0;
}

const when = (d: Date | null) => (d ? new Date(d).toISOString() : 'never');

export async function witnessList(config: Config): Promise<number> {
  const ctx = await createContext(config, 'caravan witness list');
  try {
    const witnesses = await listLogWitnesses(ctx.db);
    if (witnesses.length === 0) console.log('no witnesses; add one with "caravan witness add <url>"');
    for (const w of witnesses) {
      console.log(`${w.name}  ${w.url}`);
      console.log(`  key: ${w.verifier_key}`);
      console.log(`  last cosigned size: ${w.size}, last success: ${when(w.last_success_at)}, last attempt: ${when(w.last_attempt_at)}`);
      if (w.last_error) console.log(`  last error (${w.failures} in a row): ${w.last_error}`);
    }
    return 0;
  } finally {
    await ctx.db.close();
  }
}

export async function witnessRemove(config: Config, name: string): Promise<number> {
  const ctx = await createContext(config, 'caravan witness remove');
  try {
    if (!(await removeLogWitness(ctx.db, name))) {
      console.error(`caravan witness: no witness named ${name}; "caravan witness list" shows them`);
      return 1;
    }
    console.log(`removed witness ${name}; cosignatures it already made stay with their checkpoints`);
    return 0;
  } finally {
    await ctx.db.close();
  }
}

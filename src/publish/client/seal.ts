/**
 * Encrypts a reporter's private fields to every editor's age recipient, in the browser. Loaded
 * only when the reporter fills a private field: age-encryption and its curves are most of the
 * page's script weight, and a report without private fields never needs them.
 */
import { Encrypter, armor } from 'age-encryption';

/** ASCII-armored age file whose plaintext is the JSON of `fields`. */
export async function sealPrivateFields(recipients: readonly string[], fields: Record<string, string>): Promise<string> {
  const encrypter = new Encrypter();
  for (const r of recipients) encrypter.addRecipient(r);
  return armor.encode(await encrypter.encrypt(JSON.stringify(fields)));
}

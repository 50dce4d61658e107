/**
 * Editor island: opens a report's age-encrypted private fields with the identity the editor
 * pastes. The identity and the clear text stay in this page: there is no form to submit, and
 * nothing is sent anywhere.
 */
import { Decrypter, armor } from 'age-encryption';

const IDENTITY = /^AGE-SECRET-KEY-1[0-9A-Z]{58}$/;

function setup(root: HTMLElement): void {
  const controls = root.querySelector<HTMLElement>('.contact-open');
  const input = root.querySelector<HTMLInputElement>('input[name="identity"]');
  const button = root.querySelector<HTMLButtonElement>('.contact-open button');
  const output = root.querySelector<HTMLElement>('.contact-opened');
  const ciphertext = root.dataset.contactAge;
  if (!controls || !input || !button || !output || !ciphertext) return;
  controls.hidden = false;
  const run = () => void open(input.value.trim(), ciphertext, output);
  button.addEventListener('click', run);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') run();
  });
}

async function open(identity: string, ciphertext: string, output: HTMLElement): Promise<void> {
  output.replaceChildren();
  if (!IDENTITY.test(identity)) {
    output.textContent = output.dataset.badKey ?? 'not an AGE-SECRET-KEY-1… key';
    return;
  }
  try {
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    const clear = await decrypter.decrypt(armor.decode(ciphertext), 'text');
    const fields = JSON.parse(clear) as Record<string, unknown>;
    const list = document.createElement('dl');
    for (const [name, value] of Object.entries(fields)) {
      const dt = document.createElement('dt');
      dt.textContent = name;
      const dd = document.createElement('dd');
      dd.className = `opened-${name}`;
      dd.textContent = String(value);
      list.append(dt, dd);
    }
    output.append(list);
  } catch {
    output.textContent = output.dataset.wrongKey ?? 'this key cannot open these details';
  }
}

for (const el of document.querySelectorAll<HTMLElement>('[data-contact-age]')) setup(el);

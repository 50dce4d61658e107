/**
 * The report page's island: the offline queue. Without it the form posts as plain HTML; with it
 * a report is first kept on the device (localStorage) under a key chosen here, listed as
 * waiting, and sent to the JSON API whenever a connection works, as often as needed: the
 * server stores one report per key. The receipt code derives from that key, so the page can
 * show it while the report waits, and an armored copy passed on by SMS gets the same code.
 *
 * Private fields (contact; when and where if ticked) are encrypted to the editors' age
 * recipients before they are stored on the device, so neither the device nor the server holds
 * them in clear. The age code loads only then.
 */
import { type ArmoredReport, encodeArmoredReport } from '../../core/armor.ts';
import { DEVICE_RECEIPT_PREFIX, type HowKnown, receiptCodeFromBytes } from '../../core/report.ts';

interface QueuedReport {
  deviceId: string;
  receiptCode: string;
  state: 'waiting' | 'delivered' | 'refused';
  /** Dropped once delivered: a seized phone should hold as little as possible. */
  report?: { what: string; when?: string; where?: string; howKnown: string; contact?: string; contactAge?: string; writtenAt?: string };
  problem?: string;
}

const STORE = 'caravan.queue.v1';
const RECIPIENTS = 'caravan.recipients.v1';

const TEXT = {
  en: {
    heading: 'Reports on this device',
    waiting: 'Waiting for a connection. It will be sent by itself.',
    delivered: 'Delivered.',
    refused: 'Not accepted:',
    code: 'Receipt code:',
    copy: 'Copy as text (SMS, messenger)',
    copied: 'Copied. Anyone who passes this text to the editors delivers the report.',
    forget: 'Remove from this device',
    private: 'Keep this private (only editors can read it)',
    saved: 'Kept on this device. It will be sent when a connection works.',
  },
  ru: {
    heading: 'Сообщения на этом устройстве',
    waiting: 'Ждёт связи. Отправится само.',
    delivered: 'Доставлено.',
    refused: 'Не принято:',
    code: 'Код для проверки:',
    copy: 'Скопировать как текст (SMS, мессенджер)',
    copied: 'Скопировано. Любой, кто передаст этот текст редакторам, доставит сообщение.',
    forget: 'Удалить с устройства',
    private: 'Скрыть (прочтут только редакторы)',
    saved: 'Сохранено на устройстве. Отправится, когда появится связь.',
  },
};
type Key = keyof (typeof TEXT)['en'];
const lang = document.documentElement.lang === 'ru' ? 'ru' : 'en';
const t = (k: Key) => TEXT[lang][k];

function load<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

let queue: QueuedReport[] = load<QueuedReport[]>(STORE, []);
const save = () => localStorage.setItem(STORE, JSON.stringify(queue));

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function receiptCodeFor(deviceId: string): Promise<string> {
  const data = new TextEncoder().encode(`${DEVICE_RECEIPT_PREFIX}device:${deviceId}`);
  return receiptCodeFromBytes(new Uint8Array(await crypto.subtle.digest('SHA-256', data)));
}

/** The editors' recipients, refreshed when online and remembered for offline use. */
async function recipients(): Promise<string[]> {
  try {
    const res = await fetch('/api/v1/recipients');
    if (res.ok) {
      const found = ((await res.json()) as { recipients: Array<{ recipient: string }> }).recipients.map((r) => r.recipient);
      localStorage.setItem(RECIPIENTS, JSON.stringify(found));
      return found;
    }
  } catch {
    // Offline: use what the last visit learned.
  }
  return load<string[]>(RECIPIENTS, []);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...kids: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...kids);
  return e;
}

function button(label: string): HTMLButtonElement {
  const b = el('button', 'secondary', label);
  b.type = 'button';
  return b;
}

const list = el('ol', 'queue');
const section = el('section', '', el('h2', '', t('heading')), list);
section.id = 'queue';
section.hidden = true;
section.setAttribute('aria-live', 'polite');

function render(): void {
  section.hidden = queue.length === 0;
  list.replaceChildren(
    ...queue.map((q) => {
      const item = el('li', `queued ${q.state}`);
      item.dataset.state = q.state;
      const status = q.state === 'waiting' ? t('waiting') : q.state === 'delivered' ? t('delivered') : `${t('refused')} ${q.problem ?? ''}`;
      item.append(el('p', '', status), el('p', '', `${t('code')} `, el('strong', 'receipt', q.receiptCode)));
      if (q.state === 'waiting' && q.report) {
        const block = el('textarea', 'armored');
        block.readOnly = true;
        block.rows = 6;
        block.hidden = true;
        block.value = armored(q.deviceId, q.report);
        const copy = button(t('copy'));
        copy.addEventListener('click', () => {
          block.hidden = false;
          block.select();
          void navigator.clipboard?.writeText(block.value).then(
            () => (copy.textContent = t('copied')),
            () => undefined,
          );
        });
        // A clear contact (no editor keys known) cannot travel in a block anyone may read.
        if (q.report.contact === undefined) item.append(copy, block);
      }
      if (q.state !== 'waiting') {
        const forget = button(t('forget'));
        forget.addEventListener('click', () => {
          queue = queue.filter((x) => x !== q);
          save();
          render();
        });
        item.append(forget);
      }
      return item;
    }),
  );
}

function armored(deviceId: string, r: NonNullable<QueuedReport['report']>): string {
  const a: ArmoredReport = { deviceId, what: r.what, howKnown: r.howKnown as HowKnown };
  if (r.when) a.when = r.when;
  if (r.where) a.where = r.where;
  if (r.contactAge) a.contactAge = r.contactAge;
  if (r.writtenAt) a.writtenAt = r.writtenAt;
  return encodeArmoredReport(a);
}

let sending = false;
let retryDelay = 2000;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

/** Sends every waiting report; resent ones are harmless, the key makes them one report. */
async function flush(): Promise<void> {
  if (sending) return;
  sending = true;
  clearTimeout(retryTimer);
  let failed = false;
  try {
    for (const q of queue.filter((x) => x.state === 'waiting' && x.report)) {
      let res: Response;
      try {
        res = await fetch('/api/v1/reports', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...q.report, idempotencyKey: `device:${q.deviceId}` }),
        });
      } catch {
        failed = true;
        break;
      }
      if (res.ok) {
        const body = (await res.json()) as { receiptCode: string };
        q.state = 'delivered';
        q.receiptCode = body.receiptCode;
        delete q.report;
      } else if (res.status >= 500 || res.status === 408 || res.status === 429) {
        failed = true;
        break;
      } else {
        const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
        q.state = 'refused';
        q.problem = body?.error?.message ?? `HTTP ${res.status}`;
      }
      save();
      render();
    }
  } finally {
    sending = false;
  }
  if (failed) {
    retryTimer = setTimeout(() => void flush(), retryDelay);
    retryDelay = Math.min(retryDelay * 2, 60_000);
  } else retryDelay = 2000;
}

/** Shown only once editor keys are known: without them the field cannot be kept from the server. */
function privateBox(field: 'when' | 'where', known: Promise<string[]>): HTMLInputElement | undefined {
  const input = document.getElementById(`f-${field}`);
  if (!input?.parentElement) return undefined;
  const box = el('input', '');
  box.type = 'checkbox';
  box.id = `f-${field}-private`;
  const label = el('label', '', t('private'));
  label.htmlFor = box.id;
  const row = el('div', 'private', box, ' ', label);
  row.hidden = true;
  input.parentElement.append(row);
  void known.then((keys) => (row.hidden = keys.length === 0));
  return box;
}

function enhance(form: HTMLFormElement): void {
  form.after(section);
  const note = el('p', 'notice', t('saved'));
  note.hidden = true;
  form.before(note);
  const known = recipients();
  const whenPrivate = privateBox('when', known);
  const wherePrivate = privateBox('where', known);
  form.addEventListener('submit', (e) => {
    // Photos and videos go with the plain form post: the queue keeps text only.
    const files = form.querySelector<HTMLInputElement>('input[type="file"]')?.files;
    if (files && files.length > 0) return;
    e.preventDefault();
    void (async () => {
      const data = new FormData(form);
      const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
      // When it was written, not when a link let it through: the desk reads "this morning" against it.
      const report: NonNullable<QueuedReport['report']> = {
        what: value('what') ?? '',
        howKnown: value('howKnown') ?? 'other',
        writtenAt: new Date().toISOString(),
      };
      const hidden: Record<string, string> = {};
      const keys = await known;
      for (const [name, box] of [
        ['when', whenPrivate],
        ['where', wherePrivate],
      ] as const) {
        const v = value(name);
        if (v && box?.checked && keys.length) hidden[name] = v;
        else if (v) report[name] = v;
      }
      const contact = value('contact');
      if (contact && keys.length) hidden.contact = contact;
      else if (contact) report.contact = contact;
      if (Object.keys(hidden).length) {
        const { sealPrivateFields } = await import('./seal.ts');
        report.contactAge = await sealPrivateFields(keys, hidden);
      }
      const deviceId = base64url(crypto.getRandomValues(new Uint8Array(16)));
      queue.push({ deviceId, receiptCode: await receiptCodeFor(deviceId), state: 'waiting', report });
      save();
      form.reset();
      note.hidden = false;
      render();
      void flush();
    })();
  });
}

const form = document.getElementById('report-form');
if (form instanceof HTMLFormElement) {
  enhance(form);
  render();
  void flush();
  window.addEventListener('online', () => {
    retryDelay = 2000;
    void flush();
  });
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

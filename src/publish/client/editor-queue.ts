/**
 * The queue's island. Without it the queue works by links and forms; with it the common moves
 * have keys, and a notice says when new reports have come in since the page was loaded:
 *   j / k   next / previous report        o or Enter   open it
 *   x       tick it for the bulk form      c            claim the ticked reports (or this one)
 *   d       mark the ticked reports as duplicates: goes to "of"
 *   n       new event from this report     r            reload
 * Every 30 seconds it asks the server how many reports arrived after the newest one it knew
 * (GET /editor/queue/news?after=<id>, a count and nothing else).
 */
const POLL_MS = 30_000;

function rows(): HTMLTableRowElement[] {
  return [...document.querySelectorAll<HTMLTableRowElement>('main tbody tr')];
}

function reportIdOf(row: HTMLTableRowElement): string | undefined {
  return row.querySelector<HTMLInputElement>('input[name="report"]')?.value;
}

let current = -1;

function move(to: number): void {
  const all = rows();
  if (all.length === 0) return;
  current = Math.max(0, Math.min(all.length - 1, to));
  for (const [i, row] of all.entries()) row.classList.toggle('current', i === current);
  all[current]!.querySelector<HTMLAnchorElement>('td > a')?.focus();
}

function bulk(action: string): void {
  const form = document.querySelector<HTMLFormElement>('form#bulk');
  if (!form) return;
  const ticked = document.querySelectorAll<HTMLInputElement>('input[name="report"]:checked');
  const row = rows()[current];
  if (ticked.length === 0 && row) row.querySelector<HTMLInputElement>('input[name="report"]')!.checked = true;
  const select = form.querySelector<HTMLSelectElement>('select[name="action"]');
  if (select) select.value = action;
  if (action === 'claim') form.requestSubmit();
  else form.querySelector<HTMLInputElement>('input[name="of"]')?.focus();
}

function onKey(e: KeyboardEvent): void {
  const target = e.target as HTMLElement | null;
  if (e.altKey || e.ctrlKey || e.metaKey || (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) return;
  const row = rows()[current];
  const id = row ? reportIdOf(row) : undefined;
  switch (e.key) {
    case 'j':
      move(current + 1);
      break;
    case 'k':
      move(current - 1);
      break;
    case 'o':
    case 'Enter':
      if (!id || e.key === 'Enter') return; // Enter on the focused link opens it already.
      location.href = `/editor/reports/${id}`;
      break;
    case 'x':
      if (row) row.querySelector<HTMLInputElement>('input[name="report"]')?.click();
      break;
    case 'c':
      bulk('claim');
      break;
    case 'd':
      bulk('duplicate');
      break;
    case 'n':
      if (id) location.href = `/editor/events/new?report=${id}`;
      break;
    case 'r':
      location.reload();
      break;
    default:
      return;
  }
  e.preventDefault();
}

async function poll(notice: HTMLElement, after: string): Promise<void> {
  try {
    const res = await fetch(`/editor/queue/news?after=${encodeURIComponent(after)}`, { headers: { accept: 'application/json' } });
    if (!res.ok) return;
    const { newer } = (await res.json()) as { newer: number };
    if (newer > 0) {
      const text = notice.querySelector<HTMLElement>('.count-new');
      if (text) text.textContent = (notice.dataset.template ?? '{n}').replace('{n}', String(newer));
      notice.hidden = false;
    }
  } catch {
    // Offline or the server is away: the next poll asks again.
  }
}

const keys = document.querySelector<HTMLElement>('#queue-keys');
if (keys) keys.hidden = false;
document.addEventListener('keydown', onKey);
const notice = document.querySelector<HTMLElement>('#queue-news');
const newest = notice?.dataset.newest;
if (notice && newest) setInterval(() => void poll(notice, newest), POLL_MS);

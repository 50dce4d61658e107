import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventMediaSection } from './event-media.tsx';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const render = async (node: unknown) => String(await (node as { toString(): string | Promise<string> }).toString());

describe('the media section of an event page', () => {
  it('loads photos lazily at their size and videos only when played, each with its SHA-256', async () => {
    const html = await render(
      <EventMediaSection
        eventId={7}
        base="/media/"
        lang="en"
        media={[
          { sha256: A, mime: 'image/jpeg', bytes: 120_000, width: 800, height: 600 },
          {
            sha256: B,
            mime: 'video/mp4',
            bytes: 3_400_000,
            width: 640,
            height: 360,
            durationMs: 12_000,
            caption: 'Column of vehicles <on> Abay avenue',
          },
        ]}
      />,
    );
    assert.match(html, new RegExp(`<img src="/media/${A}" alt="Photo 1 of event 7" width="800" height="600" loading="lazy"`));
    assert.match(html, new RegExp(`<video controls="" preload="none" src="/media/${B}" width="640" height="360">`));
    assert.match(html, /Column of vehicles &lt;on&gt; Abay avenue/);
    assert.ok(html.includes(`<code class="sha256">${A}</code>`) && html.includes(`<code class="sha256">${B}</code>`));
    assert.match(html, /image\/jpeg, 120 kB/);
    assert.match(html, /video\/mp4, 3\.4 MB/);
  });

  it('points a mirror’s page at the mirror’s copies and renders nothing without media', async () => {
    const html = await render(
      <EventMediaSection eventId={7} base="/mirrors/origin.test/media/" lang="ru" media={[{ sha256: A, mime: 'image/png', bytes: 10 }]} />,
    );
    assert.match(html, new RegExp(`<img src="/mirrors/origin.test/media/${A}" alt="Фото 1 к событию 7"`));
    assert.equal(await render(<EventMediaSection eventId={7} base="/media/" lang="en" media={undefined} />), '');
  });
});

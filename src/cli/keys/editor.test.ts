import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, anonymous, openTestApp } from '../../http/testing.ts';
import { editorKeys } from './editor.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp();
});
after(() => t.close());

test('the recipients list has each active editor’s recipient and no names', async () => {
  const empty = await anonymous(t).get('/api/v1/recipients');
  assert.deepEqual(await empty.json(), { recipients: [] });
  const a = await editorKeys.create(t.ctx, 'editor');
  await editorKeys.create(t.ctx, 'editor2');
  await editorKeys.remove(t.ctx, 'editor2');
  const res = await anonymous(t).get('/api/v1/recipients');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('cache-control') ?? '', /public, max-age=\d+/);
  const body = (await res.json()) as { recipients: Array<{ recipient: string }> };
  assert.deepEqual(
    body.recipients.map((r) => r.recipient),
    [a.recipient],
  );
  assert.doesNotMatch(JSON.stringify(body), /editor/);
  await assert.rejects(editorKeys.add(t.ctx, 'editor2', 'age1notarecipient'), /age X25519 recipient/);
  await assert.rejects(editorKeys.add(t.ctx, 'nobody', a.recipient), /not found/);
});

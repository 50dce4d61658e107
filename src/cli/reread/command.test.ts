import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../app/config.ts';
import { withContext } from '../../app/context.ts';
import { insertReport } from '../../store/reports.ts';
import { main } from '../main.ts';

describe('caravan reread', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caravan-reread-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a store folder again and says how many', async () => {
    const env = { CARAVAN_DATA: dir };
    await withContext(loadConfig(env), 'a test', (ctx) =>
      insertReport(ctx.db, { input: { what: 'Интернета нет с утра', howKnown: 'saw' }, channel: 'sms', receiptCode: 'READ-CLI0-0001' }),
    );
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => void lines.push(line);
    try {
      assert.equal(await main(['reread'], env), 0);
      assert.equal(await main(['reread', '--all'], env), 0);
    } finally {
      console.log = log;
    }
    assert.deepEqual(lines, ['read 1 report again', 'read 1 report again']);
    const lang = await withContext(
      loadConfig(env),
      'a test',
      async (ctx) => (await ctx.db.query<{ lang: string }>('select lang from reports'))[0]?.lang,
    );
    assert.equal(lang, 'ru');
  });
});

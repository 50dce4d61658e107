import { parseArgs } from 'node:util';
import { loadConfig } from '../../app/config.ts';
import { createContext } from '../../app/context.ts';
import { importTelegramExport, readTelegramFolder } from '../../app/intake/telegram.ts';
import type { Env } from '../command.ts';

const HELP = `usage: caravan import telegram <export folder> [--utc-offset +06:00]

Reads a Telegram Desktop export (Export chat history, format JSON: the folder holding
result.json, photos/ and files/) of a channel or chat, and stores each message as a report with
its original time, the channel (or the channel it was forwarded from) as its source, and its media
by SHA-256. Importing the same export again adds nothing. Authors in groups and private chats are
sealed like reporters' contact details.

Exports made before Telegram Desktop 3.x have no "date_unixtime": their times are in the local
time of the computer that exported them, which the file does not say. Give that computer's UTC
offset with --utc-offset (Almaty in January 2022: +06:00); without it such an export is refused.

Nothing is stored when any message is malformed; the problems are listed. Symbolic links inside
the export (a media folder, a file, result.json) are refused, naming the link, and never followed.`;

export const telegramImport = {
  summary: 'a Telegram Desktop chat or channel export (JSON)',
  help: HELP,
  async run(args: string[], env: Env): Promise<number> {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'utc-offset': { type: 'string' } } });
    const [folder, extra] = positionals;
    if (!folder || extra !== undefined) {
      console.error(`caravan import telegram: give one export folder\n\n${HELP}`);
      return 2;
    }
    const offset = values['utc-offset'];
    const parsed = await readTelegramFolder(folder, offset === undefined ? {} : { utcOffset: offset });
    const ctx = await createContext(loadConfig(env), 'caravan import telegram');
    try {
      const r = await importTelegramExport(ctx, parsed);
      console.log(
        `imported ${r.chats.join(', ')}: ${r.created} new reports, ${r.existing} already imported, ${r.skipped} messages without anything to report` +
          (r.mediaMissing ? `, ${r.mediaMissing} media files referred to but not in the export` : ''),
      );
      return 0;
    } finally {
      await ctx.db.close();
    }
  },
};

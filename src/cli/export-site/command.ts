import { parseArgs } from 'node:util';
import { loadConfig } from '../../app/config.ts';
import type { Command } from '../command.ts';
import { exportSiteAction } from './action.ts';

const HELP = `usage: caravan export-site <dir>

Writes the whole public site as static files with relative links: the chronology and every
event page with its earlier versions, in every language, the map, the data page, the feeds and
data files, the /log page, the stylesheet and public media, and the log itself (checkpoint,
tiles, entry bundles). Any static web host, object store or a folder opened with file:// serves
it; "caravan verify <dir> --key <verifier key>" checks it.

<dir> must be new, empty, or an earlier copy made by this command (it holds a
.caravan-export file), which is replaced. The copy is built beside <dir> and renamed into place
at the end. Pages keep the chronicle's public URL (CARAVAN_ORIGIN) for citations and feed ids.`;

export const exportSiteCommand: Command = {
  summary: 'write the public site and the log as static files',
  async run(args, env) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const [dir, ...extra] = positionals;
    if (!dir || extra.length > 0) {
      console.error(HELP);
      return 2;
    }
    return exportSiteAction(loadConfig(env), dir);
  },
};

import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { Linker } from '../../core/reading/incidents.ts';
import type { Command } from '../command.ts';
import { parseSuggestInput, suggestLine } from './line.ts';

const HELP = `usage: caravan suggest < reports.jsonl > suggestions.jsonl

Reads reports as the editors' desk reads them, with no store and no network: one JSON object
per line on standard input, with "text" and, when known, "where", "when", "channel", "sentAt"
and "writtenAt" (ISO 8601 with an offset), "lang" and "mediaSha256". Writes one JSON line per
report, in order: lang, places (role "event" or "mentioned"), time, eventType, subEventType,
fatalities, injured, hedged, firstHand, and duplicateOf / sameIncidentAs (0-based line numbers
of earlier reports in the same input it would group with). A line that cannot be read gets
{"line": n, "error": "..."} in its place, and the command exits 1 at the end.`;

/** Reads every line of `input` and writes its suggestions to `output`; the number of bad lines. */
export async function suggestStream(input: Readable, output: Writable, errors: Writable): Promise<number> {
  const linker = new Linker();
  let bad = 0;
  let n = 0;
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    const line = n++;
    const parsed = parseSuggestInput(raw);
    let out: object;
    if (typeof parsed === 'string') {
      bad++;
      linker.add({ words: [], media: [] }); // keeps the line numbers of later links true
      errors.write(`caravan suggest: line ${line + 1}: ${parsed}\n`);
      out = { line, error: parsed };
    } else {
      out = suggestLine(parsed, linker);
    }
    if (!output.write(`${JSON.stringify(out)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
  }
  return bad;
}

export const suggestCommand: Command = {
  summary: "read reports as JSON lines and print the desk's suggestions",
  async run(args) {
    const { values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const bad = await suggestStream(process.stdin, process.stdout, process.stderr);
    return bad === 0 ? 0 : 1;
  },
};

import { readFile } from 'node:fs/promises';
import { type ArmoredOutcome, acceptArmoredBlocks } from '../../app/intake/armored.ts';
import type { AppContext } from '../../app/context.ts';

/** Reads a file, or standard input for "-". */
export async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Imports every armored block in `text` and prints one line per block. */
export async function importArmored(ctx: AppContext, text: string, print: (line: string) => void = console.log): Promise<ArmoredOutcome[]> {
  const outcomes = await acceptArmoredBlocks(ctx, text);
  for (const [i, o] of outcomes.entries()) {
    print(
      o.problem !== undefined
        ? `block ${i + 1}: not imported: ${o.problem}`
        : `block ${i + 1}: ${o.created ? 'imported' : 'already received'} as report ${o.reportId}, receipt code ${o.receiptCode}`,
    );
  }
  return outcomes;
}

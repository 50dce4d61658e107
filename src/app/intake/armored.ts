/**
 * Armored reports pasted by an editor (or fed to `caravan import armored`): each block becomes
 * the report its device meant, with the same key and so the same receipt code, whether or not
 * the device also reached us over the network.
 */
import { ARMOR_BEGIN, ArmorError, armoredToReportInput, decodeArmoredReport } from '../../core/armor.ts';
import { CaravanError, ValidationError } from '../../core/errors.ts';
import { findReportByReceipt } from '../../store/reports.ts';
import type { AppContext } from '../context.ts';
import { type AcceptedReport, acceptReport } from './accept.ts';

/** The text of each block in a paste that may hold several (a forwarded chat, a file). */
export function splitArmoredBlocks(text: string): string[] {
  const parts = text.split(ARMOR_BEGIN).slice(1);
  return parts.map((p) => ARMOR_BEGIN + p);
}

/** Accepts one block; a damaged or foreign block is a ValidationError on the field `armored`. */
export async function acceptArmoredReport(ctx: AppContext, block: string): Promise<AcceptedReport> {
  let input: Record<string, unknown>;
  try {
    input = armoredToReportInput(decodeArmoredReport(block));
  } catch (err) {
    if (err instanceof ArmorError) throw new ValidationError([{ field: 'armored', message: err.message }]);
    throw err;
  }
  // 'relay': the block reached us through someone or something other than the reporter's browser.
  return acceptReport(ctx, input, { channel: 'relay' });
}

export interface ArmoredOutcome {
  reportId?: number;
  receiptCode?: string;
  /** False when the report had already arrived (online, or in an earlier paste). */
  created?: boolean;
  problem?: string;
}

/** Every block in a paste, each on its own: one damaged block does not stop the others. */
export async function acceptArmoredBlocks(ctx: AppContext, text: string): Promise<ArmoredOutcome[]> {
  const blocks = splitArmoredBlocks(text);
  if (blocks.length === 0) throw new ValidationError([{ field: 'armored', message: `no ${ARMOR_BEGIN} block found` }]);
  const out: ArmoredOutcome[] = [];
  for (const block of blocks) {
    try {
      const r = await acceptArmoredReport(ctx, block);
      const row = await findReportByReceipt(ctx.db, r.receiptCode);
      out.push({ receiptCode: r.receiptCode, created: r.created, ...(row ? { reportId: row.id } : {}) });
    } catch (err) {
      if (!(err instanceof CaravanError)) throw err;
      out.push({ problem: err instanceof ValidationError ? err.problems.map((p) => `${p.field}: ${p.message}`).join('; ') : err.message });
    }
  }
  return out;
}

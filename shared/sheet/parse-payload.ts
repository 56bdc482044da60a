// Parsing a score file payload (FORMATS §3) for `verify` and `merge`. A payload carries a sheet
// per applicant, and zod builds a checked copy of each. When every sheet passes the quick shape
// test (./score-sheet-shape, stricter than the schema), only the rest of the payload goes through
// zod and the sheets are kept as read: the same values. Otherwise the whole payload is parsed as
// before, so a refusal reports the same problems.
import { z } from 'zod';
import { scoreFilePayloadSchema, type ScoreFilePayload, type ScoreSheet } from './schema';
import { isScoreSheetShape } from './score-sheet-shape';

const payloadShell = scoreFilePayloadSchema.extend({ sheets: z.array(z.unknown()) });

/** `scoreFilePayloadSchema.safeParse(input)`, without copying well-formed sheets. */
export function parseScoreFilePayload(input: unknown): z.ZodSafeParseResult<ScoreFilePayload> {
  const shell = payloadShell.safeParse(input);
  if (shell.success && shell.data.sheets.every(isScoreSheetShape)) {
    return { success: true, data: { ...shell.data, sheets: shell.data.sheets as ScoreSheet[] } };
  }
  return scoreFilePayloadSchema.safeParse(input);
}

// Score sheets: what an expert fills in (strict: an unknown field is a typo) and the score file
// payload that carries them signed (FORMATS §3; loose: unknown fields are preserved).
import { z } from 'zod';
import { sha256HexSchema, uuidSchema } from '../bundle/manifest';
import { publicKeySchema } from '../round/schema';

export const SCORES_PAYLOAD_TYPE = 'application/vnd.reviewdesk.scores+json;v=1';

const id = z.string().min(1);

/** One filled sheet as input to `score` (or the app): every field but applicantId optional. */
export const sheetInputSchema = z.strictObject({
  applicantId: id,
  conflict: z.boolean().optional(),
  conflictReason: z.string().optional(),
  checks: z.record(z.string(), z.boolean()).optional(),
  scores: z.record(z.string(), z.number()).optional(),
  total: z.number().optional(),
  criterionComments: z.record(z.string(), z.string()).optional(),
  comment: z.string().optional(),
});

/** The sheet file given to `score --sheet`: `{"sheets": […]}`. */
export const sheetFileSchema = z.strictObject({
  sheets: z.array(sheetInputSchema),
});

/** A sheet inside a score file: all fields of §3 present; a conflict sheet has total 0. */
export const scoreSheetSchema = z.looseObject({
  applicantId: id,
  conflict: z.boolean(),
  conflictReason: z.string(),
  checks: z.record(z.string(), z.boolean()),
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  criterionComments: z.record(z.string(), z.string()),
  comment: z.string(),
});

/** RFC 3339 date-time, UTC (`Z`) or with an offset. */
const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export const scoreFilePayloadSchema = z.looseObject({
  roundId: id,
  bundleId: uuidSchema,
  bundleVersion: z.number().int().min(1),
  manifestSha256: sha256HexSchema,
  expertId: id,
  expertName: z.string(),
  publicKey: publicKeySchema,
  revision: z.number().int().min(1),
  final: z.boolean(),
  createdAt: z
    .string()
    .regex(rfc3339, {
      error: (issue) => `expected an RFC 3339 date-time such as 2025-11-20T09:00:00Z, got ${JSON.stringify(issue.input)}`,
    })
    .meta({ format: 'date-time' }),
  appVersion: z.string(),
  sheets: z.array(scoreSheetSchema),
});

export type SheetInput = z.infer<typeof sheetInputSchema>;
export type SheetFile = z.infer<typeof sheetFileSchema>;
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;
export type ScoreFilePayload = z.infer<typeof scoreFilePayloadSchema>;

// The JSON Schemas published under resources/schemas/ (FORMATS: "Publish each format as JSON
// Schema"), generated from the zod schemas so the two never drift apart.
import { z } from 'zod';
import { bundlePayloadSchema } from './bundle/manifest';
import { dsseEnvelopeSchema } from './dsse';
import { roundFileSchema } from './round/schema';
import { scoreFilePayloadSchema, sheetFileSchema } from './sheet/schema';

export const SCHEMA_BASE_URL = 'https://reviewdesk.invalid/schemas/';

function published(name: string, title: string, schema: z.ZodType): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema, $id: `${SCHEMA_BASE_URL}${name}`, title, ...rest };
}

/** File name under resources/schemas/ → JSON Schema (draft 2020-12). */
export const publishedSchemas: Record<string, unknown> = {
  'round.schema.json': published('round.schema.json', 'ReviewDesk round definition (round.json, reviewdesk.round/1)', roundFileSchema),
  'bundle-manifest.schema.json': published(
    'bundle-manifest.schema.json',
    'ReviewDesk bundle payload (signed in manifest.json, application/vnd.reviewdesk.bundle+json;v=1)',
    bundlePayloadSchema,
  ),
  'dsse-envelope.schema.json': published(
    'dsse-envelope.schema.json',
    'DSSE envelope of a bundle manifest.json or a .rdscore file (payload: padded base64 of RFC 8785 JSON)',
    dsseEnvelopeSchema,
  ),
  'score-sheet.schema.json': published('score-sheet.schema.json', 'ReviewDesk score sheet input ({"sheets": […]})', sheetFileSchema),
  'score-file.schema.json': published(
    'score-file.schema.json',
    'ReviewDesk score file payload (application/vnd.reviewdesk.scores+json;v=1)',
    scoreFilePayloadSchema,
  ),
};

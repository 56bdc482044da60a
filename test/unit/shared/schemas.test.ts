// The JSON Schemas under resources/schemas/ are generated from shared/: this test keeps them in step.
// UPDATE_SCHEMAS=1 writes them; otherwise each committed file must equal the generated one.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publishedSchemas } from '../../../shared/schemas';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../../resources/schemas');
const update = process.env.UPDATE_SCHEMAS === '1';

function fileText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

describe('published JSON Schemas', () => {
  it('publishes every format, each with its $id and title', () => {
    expect(Object.keys(publishedSchemas).sort()).toEqual([
      'bundle-manifest.schema.json',
      'dsse-envelope.schema.json',
      'round.schema.json',
      'score-file.schema.json',
      'score-sheet.schema.json',
    ]);
    for (const [name, schema] of Object.entries(publishedSchemas)) {
      const fields = schema as Record<string, unknown>;
      expect(fields.$id).toBe(`https://reviewdesk.invalid/schemas/${name}`);
      expect(typeof fields.title).toBe('string');
      expect(fields.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('says what the contract says', () => {
    const round = publishedSchemas['round.schema.json'] as { properties: Record<string, unknown>; additionalProperties: unknown };
    expect(round.properties.format).toEqual({ type: 'string', const: 'reviewdesk.round/1' });
    expect(round.properties.bundleId).toEqual({ not: {} });
    expect(round.additionalProperties).toEqual({});
    const sheet = publishedSchemas['score-sheet.schema.json'] as { additionalProperties: unknown };
    expect(sheet.additionalProperties).toBe(false);
  });

  for (const [name, schema] of Object.entries(publishedSchemas)) {
    it(`resources/schemas/${name} is up to date`, () => {
      const path = join(schemaDir, name);
      if (update) {
        mkdirSync(schemaDir, { recursive: true });
        writeFileSync(path, fileText(schema));
      }
      let committed = '';
      try {
        committed = readFileSync(path, 'utf8');
      } catch {
        committed = '';
      }
      expect(committed, `resources/schemas/${name} is out of date: run \`npm run schemas\``).toBe(fileText(schema));
    });
  }
});

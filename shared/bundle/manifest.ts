// The signed bundle payload (FORMATS §2, §6 "Bundle"): the round definition's top-level object
// plus bundleId, bundleVersion, issuedAt, issuer and files, not nested.
import { z } from 'zod';
import type { Problem, Result } from '../problem';
import { jsonPath } from '../problem';
import { problemAt } from '../problem-at';
import { publicKeySchema, roundDefinitionSchema } from '../round/schema';
import { criteriaDepthProblems, roundRuleProblems } from '../round/validate';
import { zodProblems } from '../zod-problems';

export const BUNDLE_PAYLOAD_TYPE = 'application/vnd.reviewdesk.bundle+json;v=1';

/** Any UUID version, either case. */
export const uuidSchema = z.string().regex(/^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/, {
  error: (issue) => `expected a UUID, got ${JSON.stringify(issue.input)}`,
});

const rfc3339Utc = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;

/** A real calendar date and time of day (seconds up to 60 for a leap second); the form is checked apart. */
function isRealInstant(text: string): boolean {
  const match = rfc3339Utc.exec(text);
  if (match === null) return true;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 60;
}

/** RFC 3339 date-time in UTC, ending in `Z`: `2025-11-01T08:30:00Z`. */
export const utcInstantSchema = z
  .string()
  .regex(rfc3339Utc, {
    error: (issue) => `expected an RFC 3339 UTC time such as 2025-11-01T08:30:00Z, got ${JSON.stringify(issue.input)}`,
  })
  .refine(isRealInstant, { error: (issue) => `${JSON.stringify(issue.input)} is not a real date and time` })
  .meta({ format: 'date-time' });

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, {
  error: (issue) => `expected 64 lower-case hex digits (SHA-256), got ${JSON.stringify(issue.input)}`,
});

export const issuerSchema = z.looseObject({
  name: z.string(),
  publicKey: publicKeySchema,
});

export const bundleFileSchema = z.looseObject({
  path: z.string().min(1),
  sha256: sha256HexSchema,
  size: z.number().int().min(0),
});

export const bundlePayloadSchema = roundDefinitionSchema.extend({
  bundleId: uuidSchema,
  bundleVersion: z.number().int().min(1),
  issuedAt: utcInstantSchema,
  issuer: issuerSchema,
  files: z.array(bundleFileSchema),
});

export type BundlePayload = z.infer<typeof bundlePayloadSchema>;
export type BundleFile = z.infer<typeof bundleFileSchema>;
export type Issuer = z.infer<typeof issuerSchema>;

/** The payload, or every problem: schema, round rules, and files[] matching documents[] exactly. */
export function validateBundlePayload(input: unknown): Result<BundlePayload> {
  const tooDeep = criteriaDepthProblems(input);
  if (tooDeep.length > 0) return { ok: false, problems: tooDeep };
  const parsed = bundlePayloadSchema.safeParse(input);
  const problems = parsed.success ? [] : zodProblems(parsed.error, input);
  problems.push(...roundRuleProblems(input), ...fileListProblems(input));
  if (parsed.success && problems.length === 0) return { ok: true, value: parsed.data };
  return { ok: false, problems };
}

function entriesOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function pathOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const path = (value as { path?: unknown }).path;
  return typeof path === 'string' ? path : undefined;
}

/** files[].path must be exactly the set of documents[].path, each listed once. */
function fileListProblems(input: unknown): Problem[] {
  const problems: Problem[] = [];
  if (input === null || typeof input !== 'object') return problems;
  const { files, applicants } = input as { files?: unknown; applicants?: unknown };
  if (!Array.isArray(files)) return problems;
  const report = (segments: readonly PropertyKey[], message: string) =>
    problems.push(problemAt(input, segments, message));

  const documents = new Set<string>();
  // A Set, not files.some() per document: a signed manifest listing 100,000 files must not take minutes.
  const listedPaths = new Set(files.map(pathOf));
  entriesOf(applicants).forEach((applicant, a) => {
    const list = applicant !== null && typeof applicant === 'object' ? (applicant as { documents?: unknown }).documents : undefined;
    entriesOf(list).forEach((document, d) => {
      const path = pathOf(document);
      if (path === undefined) return;
      documents.add(path);
      if (!listedPaths.has(path)) {
        report(['applicants', a, 'documents', d, 'path'], `document "${path}" is not listed in files`);
      }
    });
  });

  const listed = new Map<string, number>();
  files.forEach((file, f) => {
    const path = pathOf(file);
    if (path === undefined) return;
    const first = listed.get(path);
    if (first !== undefined) {
      report(['files', f, 'path'], `"${path}" is listed twice (first at ${jsonPath(['files', first])})`);
      return;
    }
    listed.set(path, f);
    if (!documents.has(path)) report(['files', f, 'path'], `"${path}" is not a document of the round`);
  });
  return problems;
}

// The round definition (`round.json`, FORMATS §1) as zod schemas and the types they infer.
// Unknown properties are allowed and preserved everywhere (looseObject); the semantic rules that
// span several objects (ids, references, exact divisibility) live in ./validate.
import { z } from 'zod';

export { zodProblems } from '../zod-problems';

export const ROUND_FORMAT = 'reviewdesk.round/1';

/** Fields that `pack` adds to the bundle payload and round.json must not carry. */
export const BUNDLE_ONLY_FIELDS = ['bundleId', 'bundleVersion', 'issuedAt', 'issuer', 'files'] as const;

const id = z.string().min(1);
const text = z.string();

export const roundInfoSchema = z.looseObject({
  id,
  title: text,
  organizer: text.optional(),
  stage: text.optional(),
  scoringCloses: text.optional(),
  confidential: z.boolean().optional(),
});

// ---- criteria: a leaf (max, step) or a group (children); never both, never neither ----

const notBoth = 'a criterion has either max and step (a leaf) or children (a group), not both';

function criterionShapeMessage(input: unknown): string | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  const hasLeafFields = 'max' in input || 'step' in input;
  const hasChildren = 'children' in input;
  if (hasLeafFields && hasChildren) return notBoth;
  if (!hasLeafFields && !hasChildren) {
    return 'a criterion needs max and step (a leaf) or children (a group)';
  }
  return undefined;
}

export const leafCriterionSchema = z.looseObject({
  id,
  label: text,
  max: z.number().positive(),
  step: z.number().positive(),
  guidance: text.optional(),
  children: z.never({ error: notBoth }).optional(),
});

export type LeafCriterion = z.infer<typeof leafCriterionSchema>;

export interface GroupCriterion {
  id: string;
  label: string;
  children: Criterion[];
  guidance?: string | undefined;
  max?: undefined;
  step?: undefined;
  [field: string]: unknown;
}

export type Criterion = LeafCriterion | GroupCriterion;

export const groupCriterionSchema = z.looseObject({
  id,
  label: text,
  get children(): z.ZodArray<z.ZodType<Criterion>> {
    return z.array(criterionSchema).min(1);
  },
  guidance: text.optional(),
  max: z.never({ error: notBoth }).optional(),
  step: z.never({ error: notBoth }).optional(),
});

export const criterionSchema: z.ZodType<Criterion> = z
  .union([leafCriterionSchema, groupCriterionSchema], {
    error: (issue) => criterionShapeMessage(issue.input),
  })
  .meta({ id: 'criterion', description: 'A leaf (max, step) or a group (children; its max is the sum).' });

export const checkSchema = z.looseObject({
  id,
  label: text,
  veto: z.boolean().optional().meta({ default: false, description: 'A false answer makes the applicant ineligible in that sheet.' }),
});

export const rubricSchema = z.looseObject({
  id,
  title: text,
  criteria: z.array(criterionSchema).min(1),
  checks: z.array(checkSchema).optional(),
  commentRequired: z.boolean().optional(),
  criterionCommentBelowPercent: z.number().min(0).max(100).optional(),
});

// ---- categories: aggregation, award, tie-break ----

export const aggregationMethodSchema = z.enum(['mean', 'trimmed-mean', 'median', 'zscore']);

export const aggregationSchema = z.looseObject({
  method: aggregationMethodSchema,
  trimMinExperts: z.number().int().min(3).optional().meta({ default: 5 }),
  quorum: z.number().int().min(1).optional().meta({ default: 1 }),
  discrepancyPercent: z.number().positive().max(100).optional(),
});

export const tierSchema = z.looseObject({
  label: text,
  count: z.number().int().positive().optional(),
  minScore: z.number().min(0).optional(),
});

export const bandSchema = z.looseObject({
  label: text,
  minScore: z.number(),
});

export const comparisonOperatorSchema = z.enum(['>=', '>', '<=', '<', '==', '!=']);

export const factValueSchema = z.union([z.number(), z.string(), z.boolean()]);

export interface FactCondition {
  fact: string;
  op: z.infer<typeof comparisonOperatorSchema>;
  value: number | string | boolean;
  [field: string]: unknown;
}
export interface AllCondition {
  all: Condition[];
  [field: string]: unknown;
}
export interface AnyCondition {
  any: Condition[];
  [field: string]: unknown;
}
export type Condition = AllCondition | AnyCondition | FactCondition;

export const factConditionSchema = z.looseObject({
  fact: id,
  op: comparisonOperatorSchema,
  value: factValueSchema,
});

export const allConditionSchema = z.looseObject({
  get all(): z.ZodArray<z.ZodType<Condition>> {
    return z.array(conditionSchema);
  },
});

export const anyConditionSchema = z.looseObject({
  get any(): z.ZodArray<z.ZodType<Condition>> {
    return z.array(conditionSchema);
  },
});

export const conditionSchema: z.ZodType<Condition> = z.union(
  [allConditionSchema, anyConditionSchema, factConditionSchema],
  {
    error: (issue) => {
      const input = issue.input;
      if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
      if ('all' in input || 'any' in input || 'fact' in input) return undefined;
      return 'a condition is {"all": […]}, {"any": […]} or {"fact", "op", "value"}';
    },
  },
).meta({ id: 'condition', description: 'A condition over the applicant\'s facts.' });

export const levelSchema = z.looseObject({
  label: text,
  minScore: z.number(),
  when: conditionSchema.optional(),
});

export const tiersAwardSchema = z.looseObject({
  type: z.literal('tiers'),
  tiers: z.array(tierSchema).min(1),
});

export const bandsAwardSchema = z.looseObject({
  type: z.literal('bands'),
  bands: z.array(bandSchema).min(1),
});

export const levelsAwardSchema = z.looseObject({
  type: z.literal('levels'),
  levels: z.array(levelSchema).min(1),
});

export const awardSchema = z.discriminatedUnion('type', [tiersAwardSchema, bandsAwardSchema, levelsAwardSchema]);

export const tieBreakKeySchema = z.string().regex(/^(median|criterion:.+)$/, {
  error: (issue) => `expected "median" or "criterion:<id>", got ${JSON.stringify(issue.input)}`,
});

export const categorySchema = z.looseObject({
  id,
  title: text,
  rubric: id,
  aggregation: aggregationSchema.optional(),
  award: awardSchema.optional(),
  tieBreak: z.array(tieBreakKeySchema).optional(),
});

// ---- applicants, documents, experts ----

export const sectionSchema = z.looseObject({
  title: text,
  page: z.number().int().min(1),
});

export const documentRefSchema = z.looseObject({
  path: z.string().min(1),
  title: text,
  sections: z.array(sectionSchema).optional(),
});

export const applicantSchema = z.looseObject({
  id,
  name: text,
  category: id,
  facts: z.record(z.string(), factValueSchema).optional(),
  documents: z.array(documentRefSchema),
});

/** Unpadded base64url of 32 raw bytes (an Ed25519 public key): 43 characters. */
export const publicKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, {
  error: (issue) =>
    `expected a public key (43 characters of unpadded base64url), got ${JSON.stringify(issue.input)}`,
});

export const expertSchema = z.looseObject({
  id,
  name: text,
  publicKey: publicKeySchema.optional(),
  assigned: z.array(id),
});

// ---- the round definition ----

export const roundDefinitionSchema = z.looseObject({
  format: z.literal(ROUND_FORMAT),
  round: roundInfoSchema,
  rubrics: z.array(rubricSchema).min(1),
  categories: z.array(categorySchema).min(1),
  applicants: z.array(applicantSchema),
  experts: z.array(expertSchema),
});

const packedOnly = (field: string) =>
  z.never({ error: `round.json must not contain "${field}" (pack adds it to the bundle)` }).optional();

/** round.json as the secretariat writes it: the round definition without the bundle fields. */
export const roundFileSchema = roundDefinitionSchema.extend({
  bundleId: packedOnly('bundleId'),
  bundleVersion: packedOnly('bundleVersion'),
  issuedAt: packedOnly('issuedAt'),
  issuer: packedOnly('issuer'),
  files: packedOnly('files'),
});

export type RoundDefinition = z.infer<typeof roundDefinitionSchema>;
export type RoundInfo = z.infer<typeof roundInfoSchema>;
export type Rubric = z.infer<typeof rubricSchema>;
export type Check = z.infer<typeof checkSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Aggregation = z.infer<typeof aggregationSchema>;
export type AggregationMethod = z.infer<typeof aggregationMethodSchema>;
export type Award = z.infer<typeof awardSchema>;
export type TiersAward = z.infer<typeof tiersAwardSchema>;
export type BandsAward = z.infer<typeof bandsAwardSchema>;
export type LevelsAward = z.infer<typeof levelsAwardSchema>;
export type Tier = z.infer<typeof tierSchema>;
export type Band = z.infer<typeof bandSchema>;
export type Level = z.infer<typeof levelSchema>;
export type ComparisonOperator = z.infer<typeof comparisonOperatorSchema>;
export type FactValue = z.infer<typeof factValueSchema>;
export type Applicant = z.infer<typeof applicantSchema>;
export type DocumentRef = z.infer<typeof documentRefSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Expert = z.infer<typeof expertSchema>;

/** Narrows a criterion to a group (it has children) or a leaf (it has max and step). */
export function isGroup(criterion: Criterion): criterion is GroupCriterion {
  return Array.isArray(criterion.children);
}

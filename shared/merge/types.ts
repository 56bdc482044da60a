// The merge core's input and output (FORMATS §1, §5, §6). Output numbers are for display; every
// decision (rank, tie-break, threshold, award) was taken on exact values before they were made.
import type { AggregationMethod, RoundDefinition } from '../round/schema';
import type { ScoreSheet } from '../sheet/schema';

export type { AggregationMethod };

/** The four aggregation methods, in the order results list them. */
export const AGGREGATION_METHODS: readonly AggregationMethod[] = ['mean', 'trimmed-mean', 'median', 'zscore'];

/** One expert's verified sheets (their highest usable revision; file handling is done before). */
export interface ExpertSheets {
  expertId: string;
  sheets: readonly ScoreSheet[];
}

export interface MergeInput {
  round: RoundDefinition;
  experts: readonly ExpertSheets[];
  /** `merge --method`: replaces every category's own method. */
  method?: AggregationMethod | undefined;
}

/**
 * The fixed flag set of FORMATS §6. The merge core sets all but `unregistered-key`, which the file
 * layer adds (it knows the keys); the type includes it so both use one flag type.
 */
export type FlagName = 'discrepancy' | 'insufficient-reviews' | 'ineligible' | 'tie' | 'fragile' | 'unregistered-key';

/** The order flags are listed in on an applicant. */
export const FLAG_ORDER: readonly FlagName[] = [
  'discrepancy',
  'insufficient-reviews',
  'ineligible',
  'tie',
  'fragile',
  'unregistered-key',
];

/** One object form for every flag: `{flag: "tie"}`, `{flag: "fragile", experts: ["E03"]}`. */
export interface Flag {
  flag: FlagName;
  /** The experts the flag is about (always present on `fragile`), sorted by id. */
  experts?: string[];
}

/** A criterion's values over an applicant's valid sheets. */
export interface CriterionStats {
  mean: number;
  min: number;
  max: number;
  /** Population standard deviation. */
  sd: number;
}

/** One expert's valid (non-conflict) sheet for the applicant. */
export interface ExpertTotal {
  expertId: string;
  total: number;
  /** The sheet answers a veto check with false. */
  ineligible: boolean;
}

export type MethodScores = Record<AggregationMethod, number | null>;

export interface RankedApplicant {
  applicantId: string;
  name: string;
  /** Competition numbering (1, 1, 3); null when ineligible or below quorum. */
  rank: number | null;
  /** The category method's score rounded half-up to 2 decimals on the exact value; null without valid sheets. */
  score: number | null;
  /** The exact score as `"p/q"` (under zscore: the exact decimal of the double). */
  scoreExact: string | null;
  award: string | null;
  /** Sheets that are not conflicts (failed-veto sheets included). */
  validSheets: number;
  /** Experts who declared a conflict, sorted. */
  conflicts: string[];
  /** Valid sheets with a failed veto check. */
  vetoes: number;
  flags: Flag[];
  /** Every criterion, leaves and groups, over the valid sheets; empty without valid sheets. */
  perCriterion: Record<string, CriterionStats>;
  /** The valid sheets' totals, sorted by expert id. */
  totals: ExpertTotal[];
  min: number | null;
  max: number | null;
  sd: number | null;
  /** All four methods, so they can be compared; the category's own method gives `score`. */
  methods: MethodScores;
}

export interface Agreement {
  /** Kendall's W with tie correction, 4 decimals; null when fewer than 2 experts or applicants. */
  kendallW: number | null;
  /** ICC(2,1), two-way random, absolute agreement, single rater, 4 decimals; null likewise. */
  icc: number | null;
  /** Experts in the matrix: those with a valid sheet for every ranked applicant. */
  experts: number;
  /** Applicants in the matrix: the ranked applicants. */
  applicants: number;
}

export interface CategoryResult {
  id: string;
  title: string;
  method: AggregationMethod;
  fullMarks: number;
  /**
   * The ranked applicants by rank, ties by id; then the unranked ones (ineligible or below quorum)
   * by exact score, highest first, those without a score last, then by id.
   */
  ranking: RankedApplicant[];
  agreement: Agreement;
}

export interface MergeResult {
  roundId: string;
  /** `per-category`, or the `--method` override. */
  method: AggregationMethod | 'per-category';
  categories: CategoryResult[];
}

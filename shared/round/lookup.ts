// Finding things in a round: an applicant's category and rubric, an expert's assignments.
import type { Applicant, Category, RoundDefinition, Rubric } from './schema';

type RoundParts = Pick<RoundDefinition, 'rubrics' | 'categories' | 'applicants' | 'experts'>;

export function findApplicant(round: Pick<RoundDefinition, 'applicants'>, applicantId: string): Applicant | undefined {
  return round.applicants.find((applicant) => applicant.id === applicantId);
}

export function findCategory(round: Pick<RoundDefinition, 'categories'>, categoryId: string): Category | undefined {
  return round.categories.find((category) => category.id === categoryId);
}

export function findRubric(round: Pick<RoundDefinition, 'rubrics'>, rubricId: string): Rubric | undefined {
  return round.rubrics.find((rubric) => rubric.id === rubricId);
}

/** The rubric an applicant is scored on (through its category). */
export function applicantRubric(round: RoundParts, applicantId: string): Rubric | undefined {
  const applicant = findApplicant(round, applicantId);
  const category = applicant === undefined ? undefined : findCategory(round, applicant.category);
  return category === undefined ? undefined : findRubric(round, category.rubric);
}

/** The applicants an expert scores: those named in `assigned` and those of the categories named. */
export function assignedApplicants(round: RoundParts, expertId: string): Applicant[] {
  const expert = round.experts.find((candidate) => candidate.id === expertId);
  if (expert === undefined) return [];
  const assigned = new Set(expert.assigned);
  return round.applicants.filter((applicant) => assigned.has(applicant.id) || assigned.has(applicant.category));
}

/** Each category with the number of applicants in it, in round order. */
export function categoryCounts(round: Pick<RoundDefinition, 'categories' | 'applicants'>): { id: string; title: string; applicants: number }[] {
  return round.categories.map((category) => ({
    id: category.id,
    title: category.title,
    applicants: round.applicants.filter((applicant) => applicant.category === category.id).length,
  }));
}

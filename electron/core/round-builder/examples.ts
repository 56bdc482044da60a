// The template's example values: criterion points (`template.exampleWeights`, criterion ids) and
// settings (`template.exampleValues`, JSON paths such as `categories[0].aggregation.quorum`) that
// the source document does not give. The secretariat sees each with its current value, and sets
// or confirms it; a value set is no longer an example (its marker is removed). Only the listed
// values can be set this way, and a value the round validator refuses (points not a multiple of
// the step, a quorum of 0 …) is refused at once.
import type { ExampleValueView } from '../../../shared/api/contract';
import type { Criterion, RoundDefinition } from '../../../shared/round/schema';
import { validateRound } from '../../../shared/round/validate';
import { RoundBuildError } from './problems';

/** `weight` (a criterion's points, keyed by its id) or `setting` (keyed by its JSON path), labelled in the secretariat's words. */
export type ExampleValue = ExampleValueView;

interface TemplateMarks {
  exampleWeights?: unknown;
  exampleValues?: unknown;
}

const SETTING_WORDS: Record<string, string> = {
  trimMinExperts: '去掉最高最低分所需的最少专家数',
  quorum: '法定人数（最少有效评分数）',
  discrepancyPercent: '分歧阈值（满分的百分比）',
  minScore: '最低分数',
};

const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

function marksOf(round: RoundDefinition): TemplateMarks | undefined {
  const template = (round as { template?: unknown }).template;
  return template !== null && typeof template === 'object' ? (template as TemplateMarks) : undefined;
}

/** `categories[0].award.tiers[2].minScore` → ['categories', 0, 'award', 'tiers', 2, 'minScore']. */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return segments;
}

function valueAt(root: unknown, segments: readonly (string | number)[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Each criterion with its JSON path. */
function criteriaWithPaths(round: RoundDefinition): { criterion: Criterion; path: string }[] {
  const out: { criterion: Criterion; path: string }[] = [];
  const visit = (criteria: readonly Criterion[], at: string) =>
    criteria.forEach((criterion, i) => {
      const path = `${at}[${i}]`;
      out.push({ criterion, path });
      if (criterion.children !== undefined) visit(criterion.children, `${path}.children`);
    });
  round.rubrics.forEach((rubric, r) => visit(rubric.criteria, `rubrics[${r}].criteria`));
  return out;
}

function settingLabel(round: RoundDefinition, path: string): string {
  const segments = pathSegments(path);
  const last = String(segments.at(-1));
  const category = segments[0] === 'categories' && typeof segments[1] === 'number' ? round.categories[segments[1]] : undefined;
  const tier = segments.includes('tiers') ? (valueAt(round, segments.slice(0, -1)) as { label?: unknown } | undefined) : undefined;
  const what = `${typeof tier?.label === 'string' ? tier.label : ''}${SETTING_WORDS[last] ?? last}`;
  return category !== undefined ? `${category.title} · ${what}` : what;
}

/** The example values still in the round, with their current values. */
export function exampleValues(round: RoundDefinition): ExampleValue[] {
  const marks = marksOf(round);
  const criteria = criteriaWithPaths(round);
  const weights = strings(marks?.exampleWeights).flatMap((id): ExampleValue[] => {
    const found = criteria.find(({ criterion }) => criterion.id === id);
    if (found === undefined || found.criterion.children !== undefined) return [];
    return [{ kind: 'weight', key: id, label: found.criterion.label, value: found.criterion.max ?? null, step: found.criterion.step!, path: `${found.path}.max` }];
  });
  const settings = strings(marks?.exampleValues).map((path): ExampleValue => {
    const value = valueAt(round, pathSegments(path));
    return { kind: 'setting', key: path, label: settingLabel(round, path), value: typeof value === 'number' ? value : null, path };
  });
  return [...weights, ...settings];
}

function withoutMarker(node: unknown): void {
  if (node !== null && typeof node === 'object' && 'example' in node) delete (node as { example?: unknown }).example;
}

/**
 * Pure: sets the example value `key` (a criterion id of `exampleWeights` or a path of
 * `exampleValues`) to `value` — or keeps its value, confirming it, when `value` is null — and
 * removes it from the examples. Refused for anything not listed, and for a value the round
 * validator refuses (points not a multiple of the step, a quorum of 0 …), naming the path.
 */
export function setExampleValue(round: RoundDefinition, key: string, value: number | null): RoundDefinition {
  const example = exampleValues(round).find((candidate) => candidate.key === key);
  if (example === undefined) {
    throw new RoundBuildError('', '不是示例值', [{ path: '', code: 'not-an-example', message: `"${key}" 不是本轮模板中的示例分值或设置` }]);
  }
  if (value !== null && (!Number.isFinite(value) || value < 0)) {
    throw new RoundBuildError('', '数值有误', [{ path: example.path, code: 'bad-value', field: example.key, message: `${example.label}：应为不小于 0 的数` }]);
  }
  const next = structuredClone(round);
  const segments = pathSegments(example.path);
  const parent = valueAt(next, segments.slice(0, -1)) as Record<string, unknown>;
  if (value !== null) parent[String(segments.at(-1))] = value;
  withoutMarker(parent);
  const marks = marksOf(next)!;
  if (example.kind === 'weight') marks.exampleWeights = strings(marks.exampleWeights).filter((id) => id !== key);
  else marks.exampleValues = strings(marks.exampleValues).filter((path) => path !== key);
  const validated = validateRound(next);
  const mine = validated.ok ? [] : validated.problems.filter((problem) => problem.path.startsWith(example.path.replace(/\.max$/, '')));
  if (mine.length > 0) throw new RoundBuildError('', '数值有误', mine.map((problem) => ({ ...problem, code: 'bad-value', field: example.key, message: `${example.label}：${problem.message}` })));
  return next;
}

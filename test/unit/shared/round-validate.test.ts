import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../../shared/problem';
import { normalisedAggregation, validateRound } from '../../../shared/round/validate';
import { sampleRound } from './round-fixture';

function problemsOf(input: unknown, options?: Parameters<typeof validateRound>[1]): Problem[] {
  const result = validateRound(input, options);
  return result.ok ? [] : result.problems;
}

function linesOf(input: unknown, options?: Parameters<typeof validateRound>[1]): string[] {
  return problemsOf(input, options).map(formatProblem);
}

describe('validateRound: a realistic round', () => {
  it('accepts the two-rubric round with Chinese labels and keeps it as it was', () => {
    const input = sampleRound();
    const result = validateRound(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual(input);
    expect(result.value.rubrics[0]?.title).toBe('诚信企业评分表');
  });

  it('preserves unknown properties everywhere', () => {
    const input = {
      ...sampleRound(),
      extra: { note: '附加' },
    };
    (input.rubrics[0]?.criteria[0] as Record<string, unknown>).colour = 'red';
    (input.applicants[0] as Record<string, unknown>).region = '呼和浩特';
    const result = validateRound(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((result.value as Record<string, unknown>).extra).toEqual({ note: '附加' });
    expect(result.value.rubrics[0]?.criteria[0]?.colour).toBe('red');
    expect(result.value.applicants[0]?.region).toBe('呼和浩特');
  });

  it('reports every problem of a broken round at once', () => {
    const input = sampleRound() as unknown as {
      rubrics: { criteria: Record<string, unknown>[] }[];
      categories: Record<string, unknown>[];
      applicants: Record<string, unknown>[];
      experts: Record<string, unknown>[];
    } & Record<string, unknown>;
    input.bundleId = '00000000-0000-0000-0000-000000000000';
    const c1 = input.rubrics[0]!.criteria[0]!;
    c1.max = 30;
    c1.step = 0.7;
    delete input.rubrics[0]!.criteria[2]!.label;
    input.categories[0]!.rubric = 'x';
    input.applicants[1]!.category = 'nowhere';
    input.experts[1]!.assigned = [];
    input.experts[0]!.name = 42;
    const lines = linesOf(input);
    expect(lines).toEqual(
      expect.arrayContaining([
        'bundleId: round.json must not contain "bundleId" (pack adds it to the bundle)',
        'rubrics[0].criteria[0].step (c1): 0.7 does not divide 30',
        'rubrics[0].criteria[2].label (c3): missing required field "label"',
        'categories[0].rubric (integrity): unknown rubric "x"',
        'applicants[1].category (A002): unknown category "nowhere"',
        'experts[1].assigned (E02): assigned to nothing: list category or applicant ids',
        'experts[0].name (E01): expected a string, got number',
      ]),
    );
    expect(lines).toHaveLength(7);
  });
});

describe('validateRound: format and shape', () => {
  it('names an unsupported format version clearly', () => {
    const input = { ...sampleRound(), format: 'reviewdesk.round/2' };
    expect(linesOf(input)).toEqual(['format: unsupported format "reviewdesk.round/2" (this version reads reviewdesk.round/1)']);
  });

  it('reports a missing format and a non-object input', () => {
    const { format: _format, ...rest } = sampleRound();
    expect(linesOf(rest)).toEqual(['format: missing required field "format"']);
    expect(linesOf('round')).toEqual(['(root): expected an object, got string']);
    expect(linesOf(null)).toEqual(['(root): expected an object, got null']);
  });

  it('needs non-empty ids', () => {
    const input = sampleRound();
    input.rubrics[1]!.criteria[0]!.id = '';
    expect(linesOf(input)).toEqual(['rubrics[1].criteria[0].id (innovation): must not be empty']);
  });

  it('refuses the bundle fields in round.json, allows them in a bundle', () => {
    const input = { ...sampleRound(), bundleVersion: 2, issuer: { name: 'x' }, files: [] };
    expect(linesOf(input)).toEqual([
      'bundleVersion: round.json must not contain "bundleVersion" (pack adds it to the bundle)',
      'issuer: round.json must not contain "issuer" (pack adds it to the bundle)',
      'files: round.json must not contain "files" (pack adds it to the bundle)',
    ]);
    expect(validateRound(input, { bundleFields: 'allow' }).ok).toBe(true);
    const withIssuedAt = { ...sampleRound(), issuedAt: '2025-11-01T00:00:00Z' };
    expect(linesOf(withIssuedAt)).toHaveLength(1);
  });
});

describe('validateRound: criteria', () => {
  it('a criterion with both max/step and children is a problem', () => {
    const input = sampleRound();
    Object.assign(input.rubrics[0]!.criteria[1]!, { max: 25, step: 1 });
    expect(linesOf(input)).toEqual([
      'rubrics[0].criteria[1] (c2): a criterion has either max and step (a leaf) or children (a group), not both',
    ]);
  });

  it('a criterion with neither is a problem', () => {
    const input = sampleRound();
    input.rubrics[1]!.criteria[1] = { id: 'n2', label: '市场应用' } as never;
    expect(linesOf(input)).toEqual([
      'rubrics[1].criteria[1] (n2): a criterion needs max and step (a leaf) or children (a group)',
    ]);
  });

  it('a criterion that is not an object, and an award without type', () => {
    const input = sampleRound() as unknown as { rubrics: { criteria: unknown[] }[]; categories: { award: unknown }[] };
    input.rubrics[1]!.criteria[0] = 'n1';
    input.categories[1]!.award = { levels: [] };
    expect(linesOf(input)).toEqual([
      'rubrics[1].criteria[0] (innovation): expected an object, got string',
      'categories[1].award.type (product): missing required field "type"',
    ]);
  });

  it('a leaf with max but no step is told about step', () => {
    const input = sampleRound();
    delete (input.rubrics[1]!.criteria[1] as { step?: number }).step;
    expect(linesOf(input)).toEqual(['rubrics[1].criteria[1].step (n2): missing required field "step"']);
  });

  it('a group needs at least one child', () => {
    const input = sampleRound();
    (input.rubrics[0]!.criteria[1] as { children: unknown[] }).children = [];
    expect(linesOf(input)).toEqual(['rubrics[0].criteria[1].children (c2): must not be empty']);
  });

  it('formats paths and ids inside nested groups', () => {
    const input = sampleRound();
    const group = input.rubrics[0]!.criteria[1] as { children: { max: unknown; step: unknown }[] };
    group.children[0]!.step = 3;
    group.children[1]!.max = 'fifteen';
    expect(linesOf(input)).toEqual([
      'rubrics[0].criteria[1].children[1].max (c2b): expected a number, got string',
      'rubrics[0].criteria[1].children[0].step (c2a): 3 does not divide 10',
    ]);
  });

  it('step and max must be positive', () => {
    const input = sampleRound();
    input.rubrics[1]!.criteria[0]!.step = 0;
    input.rubrics[1]!.criteria[1]!.max = -5;
    expect(linesOf(input)).toEqual([
      'rubrics[1].criteria[0].step (n1): must be greater than 0, got 0',
      'rubrics[1].criteria[1].max (n2): must be greater than 0, got -5',
    ]);
  });

  it('max must be a whole multiple of step, exactly', () => {
    const accept = (max: number, step: number) => {
      const input = sampleRound();
      Object.assign(input.rubrics[1]!.criteria[0]!, { max, step });
      return validateRound(input).ok;
    };
    expect(accept(25, 0.5)).toBe(true);
    expect(accept(0.3, 0.1)).toBe(true); // 0.3 / 0.1 is 2.9999999999999996 in doubles
    expect(accept(110, 5.5)).toBe(true); // 5% of 110 points
    expect(accept(110, 110 * 0.05)).toBe(110 * 0.05 === 5.5);
    expect(accept(1, 0.05)).toBe(true);
    expect(accept(0.7, 0.1)).toBe(true);
    expect(accept(30, 0.7)).toBe(false);
    expect(accept(10, 3)).toBe(false);
    expect(accept(1e-6, 1e-7)).toBe(true);
  });

  it('criterion ids are unique within a rubric, across groups and leaves', () => {
    const input = sampleRound();
    (input.rubrics[0]!.criteria[1] as { children: { id: string }[] }).children[1]!.id = 'c1';
    input.rubrics[0]!.criteria[2]!.id = 'c2';
    expect(linesOf(input)).toEqual([
      'rubrics[0].criteria[1].children[1].id (c1): duplicate criterion id "c1" (first at rubrics[0].criteria[0])',
      'rubrics[0].criteria[2].id (c2): duplicate criterion id "c2" (first at rubrics[0].criteria[1])',
    ]);
  });

  it('the same criterion id in two rubrics is fine', () => {
    const input = sampleRound();
    input.rubrics[1]!.criteria[0]!.id = 'c1';
    expect(validateRound(input).ok).toBe(true);
  });

  it('check ids are unique within a rubric; veto must be a boolean', () => {
    const input = sampleRound();
    input.rubrics[0]!.checks![1]!.id = 'k1';
    (input.rubrics[0]!.checks![0] as { veto: unknown }).veto = 'yes';
    expect(linesOf(input)).toEqual([
      'rubrics[0].checks[0].veto (k1): expected true or false, got string',
      'rubrics[0].checks[1].id (k1): duplicate check id "k1" (first at rubrics[0].checks[0])',
    ]);
  });

  it('criterionCommentBelowPercent is within 0..100', () => {
    const input = sampleRound();
    input.rubrics[0]!.criterionCommentBelowPercent = 120;
    expect(linesOf(input)).toEqual(['rubrics[0].criterionCommentBelowPercent (integrity): must be at most 100, got 120']);
  });
});

describe('validateRound: ids and references', () => {
  it('rubric, category, applicant and expert ids are unique', () => {
    const input = sampleRound();
    input.rubrics[1]!.id = 'integrity';
    input.categories[1]!.id = 'integrity';
    input.applicants[1]!.id = 'A001';
    input.experts[1]!.id = 'E01';
    const lines = linesOf(input);
    expect(lines).toEqual(
      expect.arrayContaining([
        'rubrics[1].id (integrity): duplicate rubric id "integrity" (first at rubrics[0])',
        'categories[1].id (integrity): duplicate category id "integrity" (first at categories[0])',
        'applicants[1].id (A001): duplicate applicant id "A001" (first at applicants[0])',
        'experts[1].id (E01): duplicate expert id "E01" (first at experts[0])',
      ]),
    );
  });

  it('category and applicant ids are disjoint', () => {
    const input = sampleRound();
    input.applicants[2]!.id = 'product';
    input.experts[1]!.assigned = ['integrity'];
    expect(linesOf(input)).toEqual(['applicants[2].id (product): "product" is both a category id and an applicant id']);
  });

  it('category.rubric names an existing rubric', () => {
    const input = sampleRound();
    input.categories[1]!.rubric = 'innovations';
    expect(linesOf(input)).toEqual(['categories[1].rubric (product): unknown rubric "innovations"']);
  });

  it('tieBreak criteria exist in the category rubric, keys are well formed', () => {
    const input = sampleRound();
    input.categories[0]!.tieBreak = ['criterion:c2', 'criterion:n1', 'median', 'average'];
    expect(linesOf(input)).toEqual([
      'categories[0].tieBreak[3] (integrity): expected "median" or "criterion:<id>", got "average"',
      'categories[0].tieBreak[1] (integrity): unknown criterion "n1" in rubric "integrity"',
    ]);
  });

  it('applicant.category exists', () => {
    const input = sampleRound();
    input.applicants[2]!.category = 'products';
    expect(linesOf(input)).toEqual(['applicants[2].category (P001): unknown category "products"']);
  });

  it('expert assignments name categories or applicants, and are not empty', () => {
    const input = sampleRound();
    input.experts[0]!.assigned = ['integrity', 'A009'];
    input.experts[1]!.assigned = [];
    expect(linesOf(input)).toEqual([
      'experts[0].assigned[1] (E01): "A009" names no category or applicant',
      'experts[1].assigned (E02): assigned to nothing: list category or applicant ids',
    ]);
    const ok = sampleRound();
    ok.experts[1]!.assigned = ['A001', 'P001'];
    expect(validateRound(ok).ok).toBe(true);
  });

  it('an expert public key is 43 characters of base64url', () => {
    const input = sampleRound();
    input.experts[0]!.publicKey = 'A'.repeat(42) + '=';
    expect(linesOf(input)).toEqual([
      `experts[0].publicKey (E01): expected a public key (43 characters of unpadded base64url), got "${'A'.repeat(42)}="`,
    ]);
    const ok = sampleRound();
    ok.experts[0]!.publicKey = '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo';
    expect(validateRound(ok).ok).toBe(true);
  });
});

describe('validateRound: categories', () => {
  it('checks aggregation settings', () => {
    const input = sampleRound();
    input.categories[0]!.aggregation = { method: 'average' as never, trimMinExperts: 2, quorum: 0, discrepancyPercent: 0 };
    expect(linesOf(input)).toEqual([
      'categories[0].aggregation.method (integrity): expected one of "mean", "trimmed-mean", "median", "zscore", got "average"',
      'categories[0].aggregation.trimMinExperts (integrity): must be at least 3, got 2',
      'categories[0].aggregation.quorum (integrity): must be at least 1, got 0',
      'categories[0].aggregation.discrepancyPercent (integrity): must be greater than 0, got 0',
    ]);
  });

  it('accepts trimMinExperts 3 and discrepancyPercent 100', () => {
    const input = sampleRound();
    input.categories[0]!.aggregation = { method: 'median', trimMinExperts: 3, quorum: 1, discrepancyPercent: 100 };
    expect(validateRound(input).ok).toBe(true);
  });

  it('checks the award: unknown type, tiers, conditions', () => {
    const input = sampleRound();
    (input.categories[0] as { award: unknown }).award = { type: 'prizes', tiers: [] };
    expect(linesOf(input)).toEqual([
      'categories[0].award.type (integrity): expected one of "tiers", "bands", "levels", got "prizes"',
    ]);
    (input.categories[0] as { award: unknown }).award = { type: 'tiers', tiers: [{ label: '一等奖', count: 0, minScore: -1 }] };
    expect(linesOf(input)).toEqual([
      'categories[0].award.tiers[0].count (integrity): must be greater than 0, got 0',
      'categories[0].award.tiers[0].minScore (integrity): must be at least 0, got -1',
    ]);
    (input.categories[0] as { award: unknown }).award = { type: 'bands', bands: [{ label: '优秀' }] };
    expect(linesOf(input)).toEqual(['categories[0].award.bands[0].minScore (integrity): missing required field "minScore"']);
  });

  it('checks level conditions, recursively', () => {
    const input = sampleRound();
    const award = input.categories[1]!.award as { levels: { when?: unknown }[] };
    award.levels[0]!.when = { all: [{ fact: 'staff', op: '=>', value: 18 }, { any: [{ fact: 'listed', op: '==', value: null }] }, {}] };
    expect(linesOf(input)).toEqual([
      'categories[1].award.levels[0].when.all[0].op (product): expected one of ">=", ">", "<=", "<", "==", "!=", got "=>"',
      'categories[1].award.levels[0].when.all[1].any[0].value (product): expected a number, a string or true or false, got null',
      'categories[1].award.levels[0].when.all[2] (product): a condition is {"all": […]}, {"any": […]} or {"fact", "op", "value"}',
    ]);
  });
});

describe('validateRound: documents', () => {
  const withPath = (path: string) => {
    const input = sampleRound();
    input.applicants[1]!.documents[0]!.path = path;
    return linesOf(input).map((line) => line.replace('applicants[1].documents[0].path (A002): ', ''));
  };

  it('accepts relative paths with / separators', () => {
    expect(withPath('A002/材料/申报书.pdf')).toEqual([]);
    expect(withPath('a..b/x.pdf')).toEqual([]);
  });

  it('refuses unsafe paths', () => {
    expect(withPath('../x.pdf')).toEqual(['not a valid document path: parent-folder segment ".." in name']);
    expect(withPath('A002/./x.pdf')).toEqual(['not a valid document path: current-folder segment "." in name']);
    expect(withPath('A002//x.pdf')).toEqual(['not a valid document path: empty path segment in name']);
    expect(withPath('A002/')).toEqual(['not a valid document path: it names a folder (trailing "/")']);
    expect(withPath('/etc/passwd')).toEqual(['not a valid document path: absolute path']);
    expect(withPath('A002\\x.pdf')).toEqual(['not a valid document path: backslash in name (only "/" separates folders)']);
    expect(withPath('C:x.pdf')).toEqual(['not a valid document path: drive letter in name']);
    expect(withPath('A002/x\u0000.pdf')).toEqual(['not a valid document path: control character in name']);
    expect(withPath('A002/x\n.pdf')).toEqual(['not a valid document path: control character in name']);
    expect(withPath('')).toEqual(['must not be empty']);
  });

  it('paths are unique across the round, ignoring case and Unicode normalisation', () => {
    expect(withPath('A001/申报材料.pdf')).toEqual([
      'duplicate document path "A001/申报材料.pdf" (first at applicants[0].documents[0])',
    ]);
    expect(withPath('a001/申报材料.PDF')).toEqual([
      'document path "a001/申报材料.PDF" clashes with "A001/申报材料.pdf" at applicants[0].documents[0] (paths are compared ignoring case and Unicode normalisation)',
    ]);
    const input = sampleRound();
    input.applicants[0]!.documents[0]!.path = 'A001/caf\u00e9.pdf';
    input.applicants[1]!.documents[0]!.path = 'A001/cafe\u0301.pdf';
    expect(problemsOf(input).map((p) => p.path)).toEqual(['applicants[1].documents[0].path']);
  });

  it('section pages are whole numbers from 1', () => {
    const input = sampleRound();
    const section = (input.applicants[0]!.documents[0] as { sections: { page: number }[] }).sections[0]!;
    section.page = 0;
    expect(linesOf(input)).toEqual(['applicants[0].documents[0].sections[0].page (A001): must be at least 1, got 0']);
    section.page = 1.5;
    expect(linesOf(input)).toEqual(['applicants[0].documents[0].sections[0].page (A001): expected an integer, got 1.5']);
  });

  it('facts hold numbers, strings or booleans', () => {
    const input = sampleRound();
    (input.applicants[0]!.facts as Record<string, unknown>).owners = ['x'];
    expect(linesOf(input)).toEqual(['applicants[0].facts.owners (A001): expected a number, a string or true or false, got an array']);
  });
});

describe('normalisedAggregation', () => {
  it('fills in the §6 defaults', () => {
    expect(normalisedAggregation({})).toEqual({ method: 'mean', trimMinExperts: 5, quorum: 1, discrepancyPercent: undefined });
    expect(normalisedAggregation({ aggregation: { method: 'median' } })).toEqual({
      method: 'median',
      trimMinExperts: 5,
      quorum: 1,
      discrepancyPercent: undefined,
    });
  });
  it('keeps the given settings', () => {
    const result = validateRound(sampleRound());
    if (!result.ok) throw new Error('fixture is invalid');
    expect(normalisedAggregation(result.value.categories[0]!)).toEqual({ method: 'trimmed-mean', trimMinExperts: 5, quorum: 3, discrepancyPercent: 20 });
  });
});

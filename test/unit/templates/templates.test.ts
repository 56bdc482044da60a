// The rubric templates in resources/templates/: each is a complete round.json that a secretariat
// starts a real round from (applicants and experts left empty), built from the seed documents.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exactOf, Fraction } from '../../../shared/exact';
import { formatProblem } from '../../../shared/problem';
import type {
  AllCondition,
  AnyCondition,
  Condition,
  FactCondition,
  RoundDefinition,
  Rubric,
} from '../../../shared/round/schema';
import { validateRound } from '../../../shared/round/validate';
import { bandAward, levelAward, type Facts } from '../../../shared/merge';
import { allCriteria, criterionMax, findCriterion, fullMarks, isGroup, leaves } from '../../../shared/rubric';

const dir = path.resolve(__dirname, '../../../resources/templates');

interface TemplateInfo {
  id: string;
  title: string;
  source: string;
  notes: string[];
  exampleWeights: string[];
  exampleValues: string[];
  facts?: Record<string, { label: string; unit: string }>;
}

interface IndexEntry {
  id: string;
  file: string;
  title: string;
  source: string;
}

type Template = RoundDefinition & { template: TemplateInfo };

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
}

const templateFiles = readdirSync(dir)
  .filter((file) => file.endsWith('.json') && file !== 'index.json')
  .sort();

function problemLines(input: unknown): string[] {
  const result = validateRound(input);
  return result.ok ? [] : result.problems.map(formatProblem);
}

function load(file: string): Template {
  const input = readJson(file);
  const result = validateRound(input);
  if (!result.ok) throw new Error(`${file}: ${result.problems.map(formatProblem).join('; ')}`);
  return result.value as Template;
}

const templates = new Map(templateFiles.map((file) => [file, load(file)]));

function template(file: string): Template {
  const found = templates.get(file);
  if (found === undefined) throw new Error(`no template ${file}`);
  return found;
}

function onlyRubric(round: RoundDefinition): Rubric {
  expect(round.rubrics).toHaveLength(1);
  return round.rubrics[0]!;
}

/** The value at a JSON path such as `categories[0].award.tiers[2].minScore`. */
function valueAt(root: unknown, jsonPath: string): unknown {
  let node: unknown = root;
  for (const [, key, index] of jsonPath.matchAll(/\.?([A-Za-z_$][\w$]*)|\[(\d+)\]/g)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = key !== undefined ? (node as Record<string, unknown>)[key] : (node as unknown[])[Number(index)];
  }
  return node;
}

/** The facts a level condition compares, in order. */
function factsOf(condition: Condition): string[] {
  const all = (condition as Partial<AllCondition>).all;
  if (Array.isArray(all)) return all.flatMap(factsOf);
  const any = (condition as Partial<AnyCondition>).any;
  if (Array.isArray(any)) return any.flatMap(factsOf);
  return [(condition as FactCondition).fact];
}

// ---------------------------------------------------------------------------------------------

describe('the template files', () => {
  it('are the five templates', () => {
    expect(templateFiles).toEqual([
      'association-awards-2025.json',
      'chairmans-quality-award.json',
      'service-capability-grading.json',
      'smart-city-innovation.json',
      'smart-city-maturity.json',
    ]);
  });

  it.each(templateFiles)('%s validates as round.json, empty applicants and experts included', (file) => {
    expect(problemLines(readJson(file))).toEqual([]);
  });

  it.each(templateFiles)('%s still validates with one applicant and one expert added', (file) => {
    const input = readJson(file) as Record<string, unknown> & { categories: { id: string }[] };
    const category = input.categories[0]!.id;
    input.applicants = [{ id: 'A001', name: '某某科技有限公司', category, documents: [{ path: 'A001/申报材料.pdf', title: '申报材料' }] }];
    input.experts = [{ id: 'E01', name: '评审专家', assigned: [category] }];
    expect(problemLines(input)).toEqual([]);
  });

  it.each(templateFiles)('%s is a confidential round with nobody filled in and a described template', (file) => {
    const round = template(file);
    expect(round.format).toBe('reviewdesk.round/1');
    expect(round.round.confidential).toBe(true);
    expect(round.round.organizer).toBeTruthy();
    expect(round.round.stage).toBeTruthy();
    expect(round.applicants).toEqual([]);
    expect(round.experts).toEqual([]);
    expect(round.template.id).toBe(file.replace(/\.json$/, ''));
    expect(round.template.title).toBeTruthy();
    expect(round.template.source).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt /);
    expect(round.template.notes.length).toBeGreaterThan(0);
    for (const rubric of round.rubrics) {
      expect(rubric.commentRequired).toBe(true);
      for (const criterion of allCriteria(rubric)) expect(criterion.guidance, criterion.id).toMatch(/\p{Script=Han}/u);
    }
    for (const category of round.categories) {
      expect(category.aggregation).toBeDefined();
      expect(category.award).toBeDefined();
      expect(category.tieBreak?.length).toBeGreaterThan(0);
    }
  });
});

describe('example numbers are marked', () => {
  it.each(templateFiles)('%s: the criteria marked example are exactly template.exampleWeights', (file) => {
    const round = template(file);
    const criteria = round.rubrics.flatMap((rubric) => allCriteria(rubric));
    const ids = criteria.map((criterion) => criterion.id);
    expect(new Set(ids).size, 'criterion ids are unique across the template').toBe(ids.length);
    const marked = criteria.filter((criterion) => criterion.example === true).map((criterion) => criterion.id);
    expect(new Set(round.template.exampleWeights).size).toBe(round.template.exampleWeights.length);
    expect([...round.template.exampleWeights].sort()).toEqual([...marked].sort());
    for (const criterion of criteria) {
      expect(criterion.example === undefined || criterion.example === true, criterion.id).toBe(true);
      if (isGroup(criterion)) expect(criterion.example, `${criterion.id} is a group`).toBeUndefined();
    }
  });

  it.each(templateFiles)('%s: template.exampleValues name numbers of the round', (file) => {
    const round = template(file);
    for (const jsonPath of round.template.exampleValues) expect(typeof valueAt(round, jsonPath), jsonPath).toBe('number');
    round.categories.forEach((category, c) => {
      if (category.award?.type !== 'tiers') return;
      category.award.tiers.forEach((tier, t) => {
        const listed = round.template.exampleValues.includes(`categories[${c}].award.tiers[${t}].minScore`);
        expect(listed, `${category.id} tier ${tier.label}`).toBe(tier.example === true);
      });
    });
  });
});

describe('association-awards-2025 (000)', () => {
  const round = template('association-awards-2025.json');
  const rubric = (id: string) => {
    const found = round.rubrics.find((candidate) => candidate.id === id);
    if (found === undefined) throw new Error(`no rubric ${id}`);
    return found;
  };
  const vetoes = (id: string) => (rubric(id).checks ?? []).filter((check) => check.veto === true).map((check) => check.label);

  it('has the seven awards, five for companies and two for people, each with its own rubric', () => {
    expect(round.categories.map((category) => category.title)).toEqual([
      '2025年度内蒙古自治区安防高质量发展诚信企业',
      '2025年度内蒙古自治区智慧城市建设品质工程商',
      '2025年度内蒙古自治区智慧城市建设优质服务企业',
      '2025年度内蒙古自治区智慧城市建设优质工程',
      '2025年度内蒙古自治区智慧城市建设优秀解决方案',
      '2025年度内蒙古自治区公共安全技术防范行业优秀项目经理',
      '2025年度内蒙古自治区公共安全技术防范行业先进工作者',
    ]);
    expect(round.categories.map((category) => category.group)).toEqual([
      '单位类', '单位类', '单位类', '单位类', '单位类', '人物类', '人物类',
    ]);
    expect(new Set(round.categories.map((category) => category.rubric)).size).toBe(7);
  });

  it('takes the criteria from each award\'s conditions, all points being examples', () => {
    expect(leaves(rubric('integrity')).map((leaf) => leaf.label)).toEqual(['诚信经营', '企业能力', '遵纪守法', '信用记录']);
    expect(leaves(rubric('quality-contractor')).map((leaf) => leaf.label)).toEqual(['典型项目', '技术能力', '质量管理', '合规经营']);
    expect(leaves(rubric('service')).map((leaf) => leaf.label)).toEqual(['服务能力', '服务标准', '客户评价', '服务创新']);
    expect(leaves(rubric('project')).map((leaf) => leaf.label)).toEqual(['示范工程', '管理体系', '项目验收', '技术创新', '社会效益']);
    expect(leaves(rubric('solution')).map((leaf) => leaf.label)).toEqual(['创新性', '实用性', '可推广性', '合规性']);
    expect(leaves(rubric('project-manager')).map((leaf) => leaf.label)).toEqual(['职业资格', '项目业绩', '管理能力', '行业贡献']);
    expect(leaves(rubric('advanced-worker')).map((leaf) => leaf.label)).toEqual(['遵纪守法', '行业经验', '工作成果']);
    for (const each of round.rubrics) {
      for (const leaf of leaves(each)) expect(leaf.example, leaf.id).toBe(true);
    }
  });

  it('turns the hard eligibility conditions of the checklists into vetoes', () => {
    expect(vetoes('integrity')).toEqual([
      '营业执照（扫描件）：成立5年及以上',
      '无不良信用记录（“信用中国”下载信用报告）',
      '连续3年及以上为协会会员（协会认定）',
    ]);
    expect(vetoes('quality-contractor')).toEqual(expect.arrayContaining([
      '营业执照（扫描件）：成立5年及以上',
      expect.stringContaining('单个项目合同金额不低于200万元'),
    ]));
    expect(vetoes('service')).toEqual(expect.arrayContaining([expect.stringContaining('合同总额不低于200万元')]));
    expect(vetoes('project')).toEqual(expect.arrayContaining([expect.stringContaining('单项工程额度不低于300万元')]));
    expect(vetoes('solution')).toEqual(expect.arrayContaining([expect.stringContaining('运行稳定超过12个月')]));
    expect(vetoes('project-manager')).toEqual(expect.arrayContaining([
      expect.stringContaining('单项目金额不低于100万元'),
      expect.stringContaining('10年及以上'),
    ]));
    expect(vetoes('advanced-worker')).toEqual([expect.stringContaining('在职工作人员')]);
    for (const id of ['integrity', 'quality-contractor', 'service', 'project']) {
      expect(vetoes(id), id).toContain('无不良信用记录（“信用中国”下载信用报告）');
    }
    // the rest of each checklist is there as plain checks
    expect((rubric('integrity').checks ?? []).filter((check) => check.veto !== true).map((check) => check.label)).toContain(
      '2025年度员工社保缴纳证明',
    );
  });

  it('uses the trimmed mean and an example shortlist threshold', () => {
    for (const category of round.categories) {
      expect(category.aggregation?.method).toBe('trimmed-mean');
      expect(category.award).toMatchObject({ type: 'tiers', tiers: [{ label: '入围', example: true }] });
    }
  });
});

describe('service-capability-grading (001)', () => {
  const round = template('service-capability-grading.json');
  const category = round.categories[0]!;
  const award = category.award;
  if (award?.type !== 'levels') throw new Error('expected levels');
  const levels = award.levels;
  // the project's own evaluator (shared/merge), as merge will apply it
  const grade = (score: number, facts: Facts) => levelAward(exactOf(score), facts, levels);

  it('scores the five point items of the document, their points being examples', () => {
    expect(leaves(onlyRubric(round)).map((leaf) => leaf.label)).toEqual([
      '企业基本条件', '经营管理', '人员技能', '社会评价', '工程业绩及技术创新',
    ]);
    expect(round.template.exampleWeights).toHaveLength(5);
    expect(fullMarks(onlyRubric(round)).compare(new Fraction(100))).toBeGreaterThanOrEqual(0);
  });

  it('lists the four levels highest first with the document\'s names and points', () => {
    expect(levels.map((level) => [level.label, level.minScore])).toEqual([
      ['一级', 100], ['二级', 80], ['三级', 60], ['四级', 40],
    ]);
  });

  it('documents the facts the conditions use', () => {
    const used = new Set(levels.flatMap((level) => (level.when === undefined ? [] : factsOf(level.when))));
    expect([...used].sort()).toEqual(['annualCompletedContracts', 'largestProject', 'projectCount', 'technicalStaff']);
    expect(Object.keys(round.template.facts ?? {}).sort()).toEqual([...used].sort());
    expect(round.template.facts?.annualCompletedContracts?.unit).toBe('元');
    expect(round.template.facts?.largestProject?.unit).toBe('元');
    expect(round.template.facts?.technicalStaff?.unit).toBe('人');
    expect(round.template.facts?.projectCount?.unit).toBe('项');
  });

  const yuan = (wan: number) => wan * 10_000;

  it('一级: 18 staff, 500万元 in a year or 3 projects with one of 200万元, 100 points (all inclusive)', () => {
    expect(grade(100, { technicalStaff: 18, annualCompletedContracts: yuan(500), projectCount: 1, largestProject: yuan(500) })).toBe('一级');
    expect(grade(100, { technicalStaff: 18, annualCompletedContracts: yuan(499), projectCount: 3, largestProject: yuan(200) })).toBe('一级');
    // one short everywhere drops to 二级
    expect(grade(99, { technicalStaff: 18, annualCompletedContracts: yuan(500), projectCount: 3, largestProject: yuan(200) })).toBe('二级');
    expect(grade(100, { technicalStaff: 17, annualCompletedContracts: yuan(500), projectCount: 3, largestProject: yuan(200) })).toBe('二级');
    expect(grade(100, { technicalStaff: 18, annualCompletedContracts: yuan(499), projectCount: 2, largestProject: yuan(200) })).toBe('二级');
    expect(grade(100, { technicalStaff: 18, annualCompletedContracts: yuan(499), projectCount: 3, largestProject: yuan(199) })).toBe('二级');
  });

  it('二级: 12 staff, 300万元 or 2 projects with one of 100万元, 80 points', () => {
    expect(grade(80, { technicalStaff: 12, annualCompletedContracts: yuan(300), projectCount: 0, largestProject: 0 })).toBe('二级');
    expect(grade(80, { technicalStaff: 12, annualCompletedContracts: yuan(150), projectCount: 2, largestProject: yuan(100) })).toBe('二级');
    expect(grade(80, { technicalStaff: 12, annualCompletedContracts: yuan(150), projectCount: 2, largestProject: 999_999 })).toBe('三级');
    expect(grade(79.5, { technicalStaff: 12, annualCompletedContracts: yuan(300), projectCount: 2, largestProject: yuan(100) })).toBe('三级');
    expect(grade(80, { technicalStaff: 11, annualCompletedContracts: yuan(300), projectCount: 2, largestProject: yuan(100) })).toBe('三级');
  });

  it('三级: 6 staff, 50万元 or one project of 30万元, 60 points', () => {
    expect(grade(60, { technicalStaff: 6, annualCompletedContracts: yuan(50), projectCount: 0, largestProject: 0 })).toBe('三级');
    expect(grade(60, { technicalStaff: 6, annualCompletedContracts: yuan(30), projectCount: 1, largestProject: yuan(30) })).toBe('三级');
    expect(grade(60, { technicalStaff: 6, annualCompletedContracts: 499_999, projectCount: 2, largestProject: 299_999 })).toBe('四级');
    expect(grade(60, { technicalStaff: 5, annualCompletedContracts: yuan(50), projectCount: 1, largestProject: yuan(50) })).toBe('四级');
  });

  it('四级: 3 staff and 40 points, no business condition; below that no level', () => {
    expect(grade(40, { technicalStaff: 3, annualCompletedContracts: 0, projectCount: 0, largestProject: 0 })).toBe('四级');
    expect(grade(40, { technicalStaff: 3 })).toBe('四级');
    expect(grade(39, { technicalStaff: 100, annualCompletedContracts: yuan(5000), projectCount: 9, largestProject: yuan(1000) })).toBeNull();
    expect(grade(120, { technicalStaff: 2, annualCompletedContracts: yuan(5000), projectCount: 9, largestProject: yuan(1000) })).toBeNull();
  });

  it('treats a missing fact as not met', () => {
    expect(grade(120, { annualCompletedContracts: yuan(5000), projectCount: 9, largestProject: yuan(1000) })).toBeNull();
    expect(grade(120, { technicalStaff: 18, projectCount: 3 })).toBe('四级');
  });
});

describe('smart-city-innovation (003)', () => {
  const round = template('smart-city-innovation.json');

  it('scores the three aspects of the document', () => {
    expect(leaves(onlyRubric(round)).map((leaf) => leaf.label)).toEqual(['项目基本情况', '项目方案及实施情况', '项目建设成效']);
  });

  it('awards 一等奖 2, 二等奖 6 and 三等奖 to the rest above an example threshold', () => {
    const award = round.categories[0]?.award;
    if (award?.type !== 'tiers') throw new Error('expected tiers');
    expect(award.tiers.map((tier) => [tier.label, tier.count ?? null])).toEqual([
      ['一等奖', 2], ['二等奖', 6], ['三等奖', null],
    ]);
    const third = award.tiers[2]!;
    expect(typeof third.minScore).toBe('number');
    expect(third.example).toBe(true);
    expect(award.tiers[0]!.example).toBeUndefined();
    expect(award.tiers[1]!.example).toBeUndefined();
  });
});

describe('chairmans-quality-award (004, GB/T 19580-2012)', () => {
  const round = template('chairmans-quality-award.json');
  const rubric = onlyRubric(round);

  it('has the 1000-point item tree of the standard', () => {
    expect(fullMarks(rubric).equals(new Fraction(1000))).toBe(true);
    const tree = rubric.criteria.map((criterion) => [
      criterion.label,
      Number(criterionMax(criterion).valueOf()),
      isGroup(criterion) ? criterion.children.map((child) => [child.label, child.max]) : [],
    ]);
    expect(tree).toEqual([
      ['领导', 110, [['高层领导的作用', 50], ['组织治理', 30], ['社会责任', 30]]],
      ['战略', 90, [['战略制定', 40], ['战略部署', 50]]],
      ['顾客与市场', 90, [['顾客和市场的了解', 40], ['顾客关系与顾客满意', 50]]],
      ['资源', 130, [['人力资源', 60], ['财务资源', 15], ['信息和知识资源', 20], ['技术资源', 15], ['基础设施', 10], ['相关方关系', 10]]],
      ['过程管理', 100, [['过程的识别与设计', 50], ['过程的实施与改进', 50]]],
      ['测量、分析与改进', 80, [['测量、分析和评价', 40], ['改进与创新', 40]]],
      ['结果', 400, [['产品和服务结果', 80], ['顾客与市场结果', 80], ['财务结果', 80], ['资源结果', 60], ['过程有效性结果', 50], ['领导方面的结果', 50]]],
    ]);
    expect(round.template.exampleWeights).toEqual([]);
  });

  it('scores every item in steps of exactly 5 % of its points', () => {
    const fivePercent = new Fraction(5, 100);
    expect(leaves(rubric)).toHaveLength(23);
    for (const leaf of leaves(rubric)) {
      expect(exactOf(leaf.step).equals(exactOf(leaf.max).mul(fivePercent)), `${leaf.label}: ${leaf.step} of ${leaf.max}`).toBe(true);
      expect(exactOf(leaf.max).div(exactOf(leaf.step)).equals(new Fraction(20)), leaf.label).toBe(true);
    }
    const stepOf = (id: string) => {
      const criterion = findCriterion(rubric, id);
      return criterion !== undefined && !isGroup(criterion) ? criterion.step : undefined;
    };
    expect(stepOf('senior-leaders')).toBe(2.5);
    expect(stepOf('financial-resources')).toBe(0.75);
    expect(stepOf('infrastructure')).toBe(0.5);
  });

  it('gives at most 5 awards, follows the document\'s stages and reminds of 回避 and 保密', () => {
    const award = round.categories[0]?.award;
    if (award?.type !== 'tiers') throw new Error('expected tiers');
    const total = award.tiers.reduce((sum, tier) => sum + (tier.count ?? Number.POSITIVE_INFINITY), 0);
    expect(total).toBeLessThanOrEqual(5);
    expect(award.tiers).toEqual([expect.objectContaining({ label: '主席质量奖', count: 5, example: true })]);
    const stages = (round.template as unknown as { stages: { stage: string }[] }).stages.map((stage) => stage.stage);
    expect(stages).toEqual(['材料评审', '现场评审', '陈述答辩', '综合评分']);
    expect(stages).toContain(round.round.stage);
    for (const group of rubric.criteria) {
      expect(group.guidance).toContain('回避');
      expect(group.guidance).toContain('商业秘密');
    }
    expect(round.template.notes.join('\n')).toMatch(/回避[\s\S]*保密/);
  });
});

describe('smart-city-maturity (002)', () => {
  const round = template('smart-city-maturity.json');

  it('bands 0–55–70–85–100 with the document\'s names on a 100-point total', () => {
    expect(fullMarks(onlyRubric(round)).equals(new Fraction(100))).toBe(true);
    const award = round.categories[0]?.award;
    if (award?.type !== 'bands') throw new Error('expected bands');
    expect(award.bands.map((band) => [band.label, band.minScore])).toEqual([
      ['准备期', 0], ['起步期', 55], ['成长期', 70], ['成熟期', 85],
    ]);
    const band = (score: number) => bandAward(exactOf(score), award.bands);
    expect([0, 54.99, 55, 69.5, 70, 84.99, 85, 100].map(band)).toEqual([
      '准备期', '准备期', '起步期', '起步期', '成长期', '成长期', '成熟期', '成熟期',
    ]);
  });
});

describe('index.json', () => {
  const index = readJson('index.json') as { templates: IndexEntry[] };

  it('lists every template file once, with the template\'s own id, title and source', () => {
    expect(index.templates.map((entry) => entry.file).sort()).toEqual(templateFiles);
    for (const entry of index.templates) {
      const round = template(entry.file);
      expect(entry.file).toBe(`${entry.id}.json`);
      expect(entry).toMatchObject({ id: round.template.id, title: round.template.title, source: round.template.source });
    }
  });
});

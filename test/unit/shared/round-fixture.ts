// A realistic two-rubric round (Chinese labels), valid, for the shared/ unit tests.
// Each call returns a fresh deep copy, so a test may break it freely.

const round = {
  format: 'reviewdesk.round/1',
  round: {
    id: 'nmgaf-2025-awards',
    title: '2025年度安防行业评优',
    organizer: '内蒙古安全防范协会',
    stage: '材料评审',
    scoringCloses: '2025-11-20',
    confidential: true,
  },
  rubrics: [
    {
      id: 'integrity',
      title: '诚信企业评分表',
      criteria: [
        { id: 'c1', label: '诚信经营', max: 25, step: 0.5, guidance: '查看信用报告' },
        {
          id: 'c2',
          label: '企业能力',
          children: [
            { id: 'c2a', label: '技术人员', max: 10, step: 1 },
            { id: 'c2b', label: '项目业绩', max: 15, step: 1 },
          ],
        },
        { id: 'c3', label: '社会责任', max: 50, step: 2.5 },
      ],
      checks: [
        { id: 'k1', label: '营业执照：成立5年及以上', veto: true },
        { id: 'k2', label: '无重大安全事故' },
      ],
      commentRequired: true,
      criterionCommentBelowPercent: 60,
    },
    {
      id: 'innovation',
      title: '创新产品评分表',
      criteria: [
        { id: 'n1', label: '技术先进性', max: 40, step: 1 },
        { id: 'n2', label: '市场应用', max: 60, step: 5 },
      ],
    },
  ],
  categories: [
    {
      id: 'integrity',
      title: '安防高质量发展诚信企业',
      rubric: 'integrity',
      aggregation: { method: 'trimmed-mean', trimMinExperts: 5, quorum: 3, discrepancyPercent: 20 },
      award: {
        type: 'tiers',
        tiers: [{ label: '一等奖', count: 2 }, { label: '二等奖', count: 6 }, { label: '三等奖', minScore: 60 }],
      },
      tieBreak: ['criterion:c1', 'median'],
    },
    {
      id: 'product',
      title: '优秀创新产品',
      rubric: 'innovation',
      award: {
        type: 'levels',
        levels: [
          {
            label: '金奖',
            minScore: 85,
            when: { all: [{ fact: 'staff', op: '>=', value: 18 }, { any: [{ fact: 'listed', op: '==', value: true }] }] },
          },
          { label: '银奖', minScore: 70 },
        ],
      },
    },
  ],
  applicants: [
    {
      id: 'A001',
      name: '某某科技有限公司',
      category: 'integrity',
      facts: { staff: 20, contractTotal: 5200000 },
      documents: [
        { path: 'A001/申报材料.pdf', title: '申报材料', sections: [{ title: '营业执照', page: 5 }] },
      ],
    },
    {
      id: 'A002',
      name: '某某安防工程公司',
      category: 'integrity',
      documents: [{ path: 'A002/申报材料.pdf', title: '申报材料' }],
    },
    {
      id: 'P001',
      name: '智能门禁系统',
      category: 'product',
      facts: { staff: 30, listed: true },
      documents: [{ path: 'P001/产品说明.pdf', title: '产品说明' }],
    },
  ],
  experts: [
    { id: 'E01', name: '张三', publicKey: 'A'.repeat(43), assigned: ['integrity'] },
    { id: 'E02', name: '李四', assigned: ['integrity', 'P001'] },
  ],
};

export type RoundFixture = typeof round;

export function sampleRound(): RoundFixture {
  return structuredClone(round);
}

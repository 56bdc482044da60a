// What the five experts of the sample round (resources/sample-round) do in `reviewdesk demo`:
// how good each application is, how lenient each expert is, and the events a real panel brings —
// a declared conflict of interest, a harsh expert, an expert far from the others on one applicant,
// a failed veto check, an expert who misreads one, and a second, corrected export.
// The applicant and expert ids are those of the committed round.json; test/integration/demo.test.ts
// checks that the merge shows each event.

export interface ExpertProfile {
  /** Added to every fraction of the maximum the expert gives (before the harsh factor). */
  lenience: number;
  /** Multiplies every score: 0.85 is an expert about 15 % below the panel. */
  factor: number;
}

export interface CheckOverride {
  applicantId: string;
  checkId: string;
  /** The experts who answer the check "no" although the section is there. */
  experts: string[];
  /** Said in the criterion comments of those experts (keyed by the first criterion). */
  reason: string;
}

export interface DemoScenario {
  seed: number;
  /** Fraction of full marks an average expert gives each applicant. */
  quality: Record<string, number>;
  experts: Record<string, ExpertProfile>;
  conflict: { expertId: string; applicantId: string; reason: string };
  /** One expert scores one applicant far from the others (the discrepancy flag). */
  outlier: { expertId: string; applicantId: string; quality: number; note: string };
  vetoes: CheckOverride[];
  /** The expert who exports a corrected revision 2, and what changes in it. */
  revision: { expertId: string; applicantId: string; criterionId: string; delta: number; note: string };
  chair: string;
}

export const SAMPLE_SCENARIO: DemoScenario = {
  seed: 20251120,
  quality: {
    A001: 0.9,
    A002: 0.83,
    A003: 0.76,
    A004: 0.72,
    B001: 0.9,
    B002: 0.84,
    B003: 0.75,
    B004: 0.69,
    C001: 0.89,
    C002: 0.8,
    C003: 0.77,
    C004: 0.68,
  },
  experts: {
    E01: { lenience: 0.01, factor: 1 },
    E02: { lenience: 0.02, factor: 1 },
    E03: { lenience: 0, factor: 0.85 },
    E04: { lenience: -0.01, factor: 1 },
    E05: { lenience: 0.01, factor: 1 },
  },
  conflict: {
    expertId: 'E02',
    applicantId: 'A002',
    reason: '本人2023年至2024年受聘担任该单位技术顾问，存在利益关系，依规申请回避。',
  },
  outlier: {
    expertId: 'E05',
    applicantId: 'B003',
    quality: 0.97,
    note: '本人参与过该校园安防项目的专家论证，项目实际效果突出，申报材料未能充分体现。',
  },
  vetoes: [
    {
      applicantId: 'A004',
      checkId: 'k6',
      experts: ['E01', 'E03', 'E04'],
      reason: '会员证书显示2023年入会，不满足连续3年及以上为协会会员的条件（否决项）。',
    },
    {
      applicantId: 'B004',
      checkId: 'k8',
      experts: ['E03'],
      reason: '合同关键页未附甲方盖章的完整签署页，本人认为重大典型工程证明不充分（否决项）。',
    },
  ],
  revision: {
    expertId: 'E01',
    applicantId: 'C002',
    criterionId: 'svc-clients',
    delta: 3,
    note: '（第2版：复核两家甲方单位书面表扬后，上调客户评价得分。）',
  },
  chair: '张建华',
};

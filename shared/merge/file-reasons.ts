// Why a score file was not used, in plain words (the core says it in English for logs and CLI).
const PATTERNS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/invalid signature/, () => '签名无效：文件在签名后被修改'],
  [/revision (\d+) is superseded by revision (\d+)/, (m) => `第 ${m[1]} 版已被第 ${m[2]} 版取代`],
  [/identical copy of (.+)$/, (m) => `与 ${m[1]!.split(/[\\/]/).pop()} 内容相同，只计一次`],
  [/equivocation/, () => '同一专家同一版次有两份不同的文件，均不采用'],
  [/different keys/, () => '同一专家的文件使用了不同的密钥，均不采用'],
  [/not the roster's key/, () => '签名密钥与评审名单登记的密钥不符'],
  [/not in the roster/, () => '评审名单中没有该专家'],
  [/scores round/, () => '不是本轮评审的评分文件'],
  [/scores bundle/, () => '评分所依据的材料包版本与本轮不符'],
  [/manifestSha256/, () => '评分所依据的材料包清单与本轮不符'],
  [/the sheets are refused/, () => '评分表有误（分数超出范围、合计不符或缺少必填意见）'],
  [/unknown payload type/, () => '不是评分文件'],
  [/not valid JSON|not a DSSE envelope/, () => '文件已损坏，不是评分文件'],
  [/not in RFC 8785 canonical form|not canonical/, () => '文件格式不规范（未按规范化 JSON 签名）'],
  [/cannot read the file/, () => '无法读取文件'],
];

export function fileReasonText(reason: string | null): string {
  if (reason === null) return '';
  for (const [pattern, text] of PATTERNS) {
    const match = pattern.exec(reason);
    if (match) return text(match);
  }
  return reason;
}

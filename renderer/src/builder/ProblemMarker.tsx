// Beside an applicant or expert: what the check says about it (problems red, warnings gold).
import { Tag, Tooltip } from 'antd';
import type { DraftView } from '../../../shared/api/contract';

export function ProblemMarker({ draft, id }: { draft: DraftView; id: string }) {
  const problems = draft.check.problems.filter((problem) => problem.id === id);
  const warnings = draft.check.warnings.filter((warning) => warning.id === id);
  if (problems.length === 0 && warnings.length === 0) return null;
  const texts = [...problems, ...warnings].map((problem) => problem.message);
  return (
    <Tooltip title={texts.map((text, i) => <div key={i}>{text}</div>)}>
      <Tag color={problems.length > 0 ? 'red' : 'gold'} data-testid={`problem-${id}`}>
        {problems.length > 0 ? `✕ ${problems[0]!.message}` : `! ${warnings[0]!.message}`}
      </Tag>
    </Tooltip>
  );
}

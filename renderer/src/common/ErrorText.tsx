// An API error in the user's language, with the technical detail (file, entry, problems) below.
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/contract';
import { formatProblem } from '../../../shared/problem';

export function ErrorText({ error, lead }: { error: unknown; lead?: string }) {
  const { t, i18n } = useTranslation();
  const body = error instanceof ApiError ? error.body : { code: 'failed', message: error instanceof Error ? error.message : String(error) };
  const key = `errors.${body.code}`;
  const title = i18n.exists(key) ? t(key) : t('errors.failed');
  const pointed = (body.problems ?? []).filter((problem) => problem.text !== undefined);
  if (pointed.length > 0 && pointed.length === body.problems!.length) {
    // The round builder's refusals: what was refused, then each problem at its row, field or file.
    return (
      <Alert
        type="error"
        showIcon
        title={lead ?? body.message.split('\n')[0]}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="error-detail">
            {pointed.slice(0, 50).map((problem, i) => (
              <li key={i}>{problem.text}</li>
            ))}
            {pointed.length > 50 && <li>…</li>}
          </ul>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={lead ?? title}
      description={
        <div data-testid="error-detail">
          {lead !== undefined && <div>{title}</div>}
          <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
            {t('common.technicalDetail')}: {body.message}
            {(body.problems ?? []).slice(0, 20).map((problem) => `\n${problem.text ?? formatProblem(problem)}`).join('')}
          </Typography.Text>
        </div>
      }
    />
  );
}

// An applicant's expert × criterion matrix, outliers highlighted: a value further from the
// criterion's mean than a quarter of its maximum, or than twice the standard deviation.
import { Modal, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeApplicantView, MergeSheetView } from '../../../shared/api/contract';
import type { Rubric } from '../../../shared/round/schema';
import { leaves } from '../../../shared/rubric';
import { call } from '../api/client';
import { ErrorText } from '../common/ErrorText';

export function isOutlier(value: number, stats: { mean: number; sd: number } | undefined, max: number): boolean {
  if (stats === undefined) return false;
  const distance = Math.abs(value - stats.mean);
  return distance > max / 4 || (stats.sd > 0 && distance > 2 * stats.sd);
}

export function ApplicantDrilldown({ mergeId, applicant, rubric, onClose }: { mergeId: string; applicant: MergeApplicantView | null; rubric: Rubric | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [sheets, setSheets] = useState<MergeSheetView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setSheets(null);
    if (applicant !== null) call('merge.sheets', { mergeId, applicantId: applicant.applicantId }).then(setSheets, setError);
  }, [mergeId, applicant]);
  if (applicant === null || rubric === undefined) return null;
  const criteria = leaves(rubric);
  return (
    <Modal open title={`${applicant.applicantId} ${applicant.name}`} onCancel={onClose} footer={null} width={Math.min(1200, 320 + criteria.length * 90)}>
      {error !== null && <ErrorText error={error} />}
      {sheets !== null && (
        <Table<MergeSheetView>
          size="small"
          rowKey="expertId"
          pagination={false}
          scroll={{ x: true }}
          dataSource={sheets}
          data-testid="drilldown"
          columns={[
            { title: t('merge.expert'), dataIndex: 'expertId', fixed: 'left', width: 80 },
            ...criteria.map((criterion) => ({
              title: `${criterion.label}（${criterion.max}）`,
              key: criterion.id,
              width: 90,
              align: 'right' as const,
              render: (_: unknown, sheet: MergeSheetView) => {
                if (sheet.conflict) return <Typography.Text type="secondary">—</Typography.Text>;
                const value = sheet.scores[criterion.id];
                if (value === undefined) return '';
                const outlier = isOutlier(value, applicant.perCriterion[criterion.id], criterion.max);
                return <span className={outlier ? 'rd-outlier' : undefined} style={outlier ? { background: '#fff1f0', color: '#cf1322', fontWeight: 600, padding: '0 4px' } : undefined} data-outlier={outlier || undefined}>{value}</span>;
              },
            })),
            { title: t('merge.total'), dataIndex: 'total', width: 80, align: 'right' as const, render: (total: number, sheet: MergeSheetView) => (sheet.conflict ? <Tag color="purple">{t('status.conflict')}</Tag> : total) },
            { title: t('merge.comment'), dataIndex: 'comment', ellipsis: true, render: (comment: string, sheet: MergeSheetView) => (sheet.conflict ? sheet.conflictReason : comment) },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('merge.mean')}</Table.Summary.Cell>
              {criteria.map((criterion, index) => (
                <Table.Summary.Cell key={criterion.id} index={index + 1} align="right">{applicant.perCriterion[criterion.id]?.mean ?? ''}</Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={criteria.length + 1} align="right">{applicant.score ?? ''}</Table.Summary.Cell>
              <Table.Summary.Cell index={criteria.length + 2} />
            </Table.Summary.Row>
          )}
        />
      )}
    </Modal>
  );
}

// Round: categories with progress, the applicant list (virtualised) with status, filter and
// search, and the search across all documents.
import { Button, Card, Col, Progress, Row, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantRow, RoundView } from '../../../shared/api/contract';
import { call } from '../api/client';
import { ErrorText } from '../common/ErrorText';
import { useRouter } from '../router';
import { ApplicantList } from './ApplicantList';
import { DocumentSearch } from './DocumentSearch';
import { BindingBanner } from './BindingBanner';
import { ExportDialog } from './ExportDialog';
import { SpreadsheetButtons } from './SpreadsheetButtons';

export function RoundScreen({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const go = useRouter((router) => router.go);
  const [view, setView] = useState<RoundView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const load = useCallback(() => {
    call('round.get', { roundId }).then(setView, setError);
  }, [roundId]);
  useEffect(load, [load]);

  const open = useCallback((row: ApplicantRow) => go({ screen: 'review', roundId, applicantId: row.id }), [go, roundId]);

  if (error !== null) return <div style={{ padding: 24 }}><ErrorText error={error} /></div>;
  if (view === null) return <div style={{ padding: 24 }}>{t('common.loading')}</div>;

  return (
    <div style={{ padding: 16 }}>
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => go({ screen: 'home' })}>{t('common.back')}</Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {view.summary.title}
        </Typography.Title>
        {view.summary.stage && <Typography.Text type="secondary">{view.summary.stage}</Typography.Text>}
        <Button type="primary" disabled={view.binding.state !== 'bound'} onClick={() => setExporting(true)} data-testid="finish-export">
          {t('round.finishExport')}
        </Button>
        <SpreadsheetButtons roundId={roundId} disabled={view.binding.state !== 'bound'} onImported={load} />
      </Space>
      <div style={{ marginBottom: 12 }}>
        <BindingBanner roundId={roundId} binding={view.binding} onBound={load} />
      </div>
      <ExportDialog roundId={roundId} open={exporting} onClose={() => { setExporting(false); load(); }} />
      <Row gutter={16}>
        <Col span={16}>
          <Card size="small" title={t('round.applicants')}>
            <ApplicantList applicants={view.applicants} categories={view.categories} onOpen={open} />
          </Card>
        </Col>
        <Col span={8}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Card size="small" title={t('round.categories')}>
              {view.categories.map((category) => (
                <div key={category.id} data-testid={`category-${category.id}`}>
                  <Typography.Text>{category.title}</Typography.Text>
                  <Progress percent={category.applicants === 0 ? 0 : Math.round((category.finished / category.applicants) * 100)} format={() => `${category.finished}/${category.applicants}`} />
                </div>
              ))}
            </Card>
            <Card size="small" title={t('round.searchDocuments')}>
              <DocumentSearch roundId={roundId} />
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}

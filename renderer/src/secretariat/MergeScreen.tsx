// A merge: collect score files (drop many; a verification table with the problem in plain words),
// the results per category with a method switch to compare, the drill-down, the chair's decisions
// beside the computed result, the print preview and the exports.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeApplicantView, MergeCategoryView, MergeFileView, MergeView } from '../../../shared/api/contract';
import { call, client } from '../api/client';
import { ErrorText } from '../common/ErrorText';
import { useAction } from '../common/use-action';
import { useRouter } from '../router';
import { PdfViewer } from '../viewer';
import { ApplicantDrilldown } from './ApplicantDrilldown';
import { DecisionDialog } from './DecisionDialog';
import { fileReasonText } from '../../../shared/merge/file-reasons';

type Method = 'mean' | 'trimmed-mean' | 'median' | 'zscore';
const STATUS_COLOURS = { used: 'green', superseded: 'default', rejected: 'red' } as const;
const FLAG_COLOURS: Record<string, string> = { discrepancy: 'red', 'insufficient-reviews': 'orange', ineligible: 'orange', tie: 'gold', fragile: 'purple', 'unregistered-key': 'blue' };

export function MergeScreen({ mergeId, chair }: { mergeId: string; chair: boolean }) {
  const { t } = useTranslation();
  const go = useRouter((router) => router.go);
  const [view, setView] = useState<MergeView | null>(null);
  const [method, setMethod] = useState<Method | 'own'>('own');
  const { busy, error, setError, run } = useAction();
  const [drill, setDrill] = useState<{ category: MergeCategoryView; applicant: MergeApplicantView } | null>(null);
  const [deciding, setDeciding] = useState<{ category: MergeCategoryView; applicant: MergeApplicantView } | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  const load = useCallback(() => {
    call('merge.get', { mergeId, ...(method !== 'own' ? { method } : {}) }).then(setView, setError);
  }, [mergeId, method]);
  useEffect(load, [load]);

  const addFiles = (files: File[]) =>
    run(async () => {
      const sources = [];
      for (const file of files) sources.push(await client.sourceFromFile(file));
      setView(await call('merge.addFiles', { mergeId, sources }));
    });
  const save = (kind: 'results' | 'summary' | 'conclusion-html' | 'conclusion-pdf' | 'notice-pdf' | 'notice-xlsx') =>
    run(async () => {
      await client.saveFile(await call('merge.export', { mergeId, kind }));
    });
  const showPreview = () =>
    run(async () => {
      const file = await call('merge.export', { mergeId, kind: 'conclusion-pdf' });
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      if (preview) URL.revokeObjectURL(preview);
      setPreview(URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' })));
    });

  if (view === null) return <div style={{ padding: 24 }}>{error !== null ? <ErrorText error={error} /> : t('common.loading')}</div>;

  const decisionFor = (category: MergeCategoryView, applicant: MergeApplicantView) => view.decisions.find((decision) => decision.categoryId === category.id && decision.applicantId === applicant.applicantId);
  const filesTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload.Dragger accept=".rdscore,.json" multiple showUploadList={false} beforeUpload={(_file, list) => { if (_file === list[list.length - 1]) void addFiles(list); return false; }} disabled={busy} data-testid="score-drop">
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p>{t('merge.dropScores')}</p>
      </Upload.Dragger>
      <Table<MergeFileView>
        size="small"
        rowKey="file"
        pagination={false}
        dataSource={view.files}
        data-testid="file-table"
        columns={[
          { title: t('merge.file'), dataIndex: 'file', ellipsis: true },
          { title: t('merge.expert'), dataIndex: 'expertId', width: 90 },
          { title: t('merge.revision'), dataIndex: 'revision', width: 60 },
          { title: t('round.status'), dataIndex: 'status', width: 120, render: (status: MergeFileView['status']) => <Tag color={STATUS_COLOURS[status]} data-status={status}>{t(`merge.fileStatus.${status}`)}</Tag> },
          { title: t('merge.problem'), dataIndex: 'reason', render: (reason: string | null) => fileReasonText(reason) },
        ]}
      />
      {view.experts.some((expert) => expert.status === 'missing' || expert.missingSheets.length > 0 || expert.unregisteredKey) && (
        <Alert
          type="warning"
          showIcon
          title={t('merge.attention')}
          description={
            <ul style={{ margin: 0 }}>
              {view.experts.filter((expert) => expert.status === 'missing').map((expert) => <li key={expert.id}>{t('merge.missingExpert', { id: expert.id, name: expert.name })}</li>)}
              {view.experts.filter((expert) => expert.missingSheets.length > 0).map((expert) => <li key={`${expert.id}-sheets`}>{t('merge.missingSheets', { id: expert.id, applicants: expert.missingSheets.join('、') })}</li>)}
              {view.experts.filter((expert) => expert.unregisteredKey).map((expert) => <li key={`${expert.id}-key`}>{t('merge.unregisteredKey', { id: expert.id, name: expert.name, fingerprint: expert.fingerprint })}</li>)}
            </ul>
          }
        />
      )}
    </Space>
  );

  const resultsTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Segmented
        value={method}
        onChange={(value) => setMethod(value as Method | 'own')}
        options={[{ value: 'own', label: t('merge.methods.own') }, { value: 'mean', label: t('merge.methods.mean') }, { value: 'trimmed-mean', label: t('merge.methods.trimmed') }, { value: 'median', label: t('merge.methods.median') }, { value: 'zscore', label: t('merge.methods.zscore') }]}
        data-testid="method-switch"
      />
      <Tabs
        items={view.categories.map((category) => ({
          key: category.id,
          label: category.title,
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Table<MergeApplicantView>
                size="small"
                rowKey="applicantId"
                pagination={false}
                dataSource={category.ranking}
                onRow={(applicant) => ({ onClick: () => setDrill({ category, applicant }), style: { cursor: 'pointer' }, 'data-testid': `result-${applicant.applicantId}` } as React.HTMLAttributes<HTMLElement>)}
                columns={[
                  { title: t('merge.rank'), dataIndex: 'rank', width: 60, render: (rank: number | null) => rank ?? '—' },
                  { title: t('round.name'), key: 'name', render: (_: unknown, applicant) => `${applicant.applicantId} ${applicant.name}` },
                  { title: t('round.total'), dataIndex: 'score', width: 80, align: 'right', render: (score: number | null) => (score === null ? '—' : <span style={{ fontVariantNumeric: 'tabular-nums' }}>{score.toFixed(2)}</span>) },
                  { title: t('merge.validSheets'), dataIndex: 'validSheets', width: 80, align: 'center' },
                  { title: t('merge.award'), dataIndex: 'award', width: 90, render: (award: string | null) => award ?? '' },
                  { title: t('merge.flags'), dataIndex: 'flags', render: (flags: MergeApplicantView['flags']) => flags.map((flag) => <Tag key={flag.flag} color={FLAG_COLOURS[flag.flag]}>{t(`merge.flag.${flag.flag}`)}{flag.experts ? `（${flag.experts.join('、')}）` : ''}</Tag>) },
                  ...(chair
                    ? [{
                        title: t('decision.column'),
                        key: 'decision',
                        width: 200,
                        render: (_: unknown, applicant: MergeApplicantView) => {
                          const decision = decisionFor(category, applicant);
                          return (
                            <Space onClick={(event) => event.stopPropagation()}>
                              {decision?.award !== undefined && <Tag color="magenta">{decision.award ?? t('decision.noAward')}</Tag>}
                              {decision !== undefined && decision.award === undefined && decision.opinion !== '' && <Tag>{t('decision.opinionShort')}</Tag>}
                              <Button size="small" onClick={() => setDeciding({ category, applicant })} data-testid={`decide-${applicant.applicantId}`}>{t('decision.open')}</Button>
                            </Space>
                          );
                        },
                      }]
                    : []),
                ]}
              />
              <Typography.Text type="secondary">
                {category.agreement.kendallW === null ? t('merge.noAgreement') : t('merge.agreement', { w: category.agreement.kendallW, icc: category.agreement.icc ?? '—', experts: category.agreement.experts })}
              </Typography.Text>
            </Space>
          ),
        }))}
      />
    </Space>
  );

  const exportTab = (
    <Space direction="vertical">
      <Space wrap>
        <Button onClick={() => void save('summary')} loading={busy}>{t('merge.exports.summary')}</Button>
        <Button onClick={() => void save('conclusion-pdf')} loading={busy} data-testid="export-conclusion">{t('merge.exports.conclusion')}</Button>
        <Button onClick={() => void save('conclusion-html')} loading={busy}>{t('merge.exports.conclusionHtml')}</Button>
        <Button onClick={() => void save('notice-pdf')} loading={busy}>{t('merge.exports.noticePdf')}</Button>
        <Button onClick={() => void save('notice-xlsx')} loading={busy}>{t('merge.exports.noticeXlsx')}</Button>
        <Button onClick={() => void save('results')} loading={busy}>results.json</Button>
      </Space>
      <Space>
        <Button type="primary" onClick={() => void showPreview()} loading={busy} data-testid="print-preview">{t('merge.preview')}</Button>
        {client.host === 'electron' && <Button onClick={() => void call('merge.export', { mergeId, kind: 'conclusion-html' }).then((file) => client.printFile(file), setError)}>{t('merge.print')}</Button>}
      </Space>
      {preview !== null && (
        <div style={{ height: '70vh', border: '1px solid #f0f0f0' }}>
          <PdfViewer documentUrl={preview} title={t('merge.exports.conclusion')} />
        </div>
      )}
    </Space>
  );

  return (
    <div style={{ padding: 16 }}>
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => go({ screen: 'merges', chair })}>{t('common.back')}</Button>
        <Typography.Title level={4} style={{ margin: 0 }}>{view.title}</Typography.Title>
        <Typography.Text type="secondary">{t('home.version', { version: view.bundleVersion })}</Typography.Text>
      </Space>
      {error !== null && <ErrorText error={error} />}
      <Card size="small">
        <Tabs
          defaultActiveKey={chair ? 'results' : view.files.length === 0 ? 'files' : 'results'}
          items={[
            { key: 'files', label: t('merge.tabs.files'), children: filesTab },
            { key: 'results', label: chair ? t('merge.tabs.decisions') : t('merge.tabs.results'), children: resultsTab },
            { key: 'export', label: chair ? t('merge.tabs.print') : t('merge.tabs.export'), children: exportTab },
          ]}
        />
      </Card>
      <ApplicantDrilldown mergeId={mergeId} applicant={drill?.applicant ?? null} rubric={drill === null ? undefined : view.rubrics.find((rubric) => rubric.id === drill.category.rubricId)} onClose={() => setDrill(null)} />
      {deciding !== null && <DecisionDialog view={view} category={deciding.category} applicant={deciding.applicant} onClose={() => setDeciding(null)} onSaved={load} />}
    </div>
  );
}

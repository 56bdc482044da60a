// 完成并导出评分文件: the completeness check (each unfinished sheet with a link to it), final or
// draft, the passphrase, the signed file, and the history of exports with their SHA-256.
import { Alert, Button, Input, List, Modal, Radio, Result, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRecord, ExportStatus } from '../../../shared/api/contract';
import { call, client } from '../api/client';
import { ErrorText } from '../common/ErrorText';
import { StatusTag } from '../common/StatusTag';
import { formatTime } from '../common/format';
import { useRouter } from '../router';

export function ExportDialog({ roundId, open, onClose }: { roundId: string; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const go = useRouter((router) => router.go);
  const [status, setStatus] = useState<ExportStatus | null>(null);
  const [final, setFinal] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<ExportRecord | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setDone(null);
    setError(null);
    setPassphrase('');
    call('scores.status', { roundId }).then((next) => {
      setStatus(next);
      setFinal(next.incomplete.length === 0);
    }, setError);
  }, [open, roundId]);

  const exportNow = async () => {
    setBusy(true);
    setError(null);
    try {
      const record = await call('scores.export', { roundId, passphrase, final });
      setPassphrase('');
      setDone(record);
      await client.saveFile(record.file);
      setStatus(await call('scores.status', { roundId }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('exportDialog.title')} onCancel={onClose} width={720} footer={<Button onClick={onClose}>{t('common.close')}</Button>} destroyOnHidden>
      {status !== null && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {status.incomplete.length === 0 ? (
            <Alert type="success" showIcon title={t('exportDialog.complete', { assigned: status.assigned })} data-testid="export-complete" />
          ) : (
            <Alert
              type="warning"
              showIcon
              title={t('exportDialog.incomplete', { count: status.incomplete.length })}
              description={
                <List
                  size="small"
                  dataSource={status.incomplete}
                  style={{ maxHeight: 180, overflow: 'auto' }}
                  renderItem={(sheet) => (
                    <List.Item
                      data-testid={`incomplete-${sheet.applicantId}`}
                      actions={[<Typography.Link key="open" onClick={() => { onClose(); go({ screen: 'review', roundId, applicantId: sheet.applicantId }); }}>{t('exportDialog.open')}</Typography.Link>]}
                    >
                      {sheet.applicantId} {sheet.name} <StatusTag status={sheet.status} reopened={sheet.reopened} />
                    </List.Item>
                  )}
                />
              }
            />
          )}
          <Typography.Text type="secondary">
            {status.history.length > 0 && status.changedSinceExport > 0
              ? t('exportDialog.changed', { count: status.changedSinceExport, revision: status.nextRevision })
              : t('exportDialog.nextRevision', { revision: status.nextRevision })}
          </Typography.Text>
          <Radio.Group value={final} onChange={(event) => setFinal(event.target.value as boolean)} data-testid="export-kind">
            <Radio value={true} disabled={status.incomplete.length > 0}>{t('exportDialog.final')}</Radio>
            <Radio value={false}>{t('exportDialog.draft')}</Radio>
          </Radio.Group>
          <Space>
            <Input.Password placeholder={t('exportDialog.passphrase')} value={passphrase} onChange={(event) => setPassphrase(event.target.value)} style={{ width: 260 }} onPressEnter={() => void exportNow()} data-testid="export-passphrase" />
            <Button type="primary" loading={busy} disabled={passphrase === ''} onClick={() => void exportNow()} data-testid="export-sign">
              {t('exportDialog.export')}
            </Button>
          </Space>
          {error !== null && <ErrorText error={error} />}
          {done !== null && (
            <Result
              status="success"
              title={t('exportDialog.done', { revision: done.revision })}
              subTitle={<span data-testid="export-sha256">{t('exportDialog.sha256')}: {done.sha256}</span>}
              style={{ padding: 8 }}
            />
          )}
          {status.history.length > 0 && (
            <Table<ExportRecord>
              size="small"
              rowKey="revision"
              pagination={false}
              title={() => t('exportDialog.history')}
              dataSource={status.history}
              columns={[
                { title: t('exportDialog.revision'), dataIndex: 'revision', width: 60 },
                { title: t('exportDialog.time'), dataIndex: 'createdAt', width: 170, render: (at: string) => formatTime(at, i18n.language) },
                { title: t('exportDialog.kind'), dataIndex: 'final', width: 70, render: (value: boolean) => (value ? t('exportDialog.kindFinal') : t('exportDialog.kindDraft')) },
                { title: 'SHA-256', dataIndex: 'sha256', ellipsis: true, render: (sha: string) => <Typography.Text code copyable={{ text: sha }}>{sha.slice(0, 16)}…</Typography.Text> },
                {
                  title: '',
                  width: 70,
                  render: (_: unknown, record) => (
                    <Typography.Link onClick={() => void call('scores.download', { roundId, revision: record.revision }).then((file) => client.saveFile(file), setError)}>{t('exportDialog.save')}</Typography.Link>
                  ),
                },
              ]}
            />
          )}
        </Space>
      )}
      {status === null && error !== null && <ErrorText error={error} />}
    </Modal>
  );
}

// The import dialog: what the bundle is, who issued it (a new issuer's fingerprint must be
// confirmed), the progress of verifying every document, and the result.
import { Alert, Button, Checkbox, Descriptions, List, Modal, Progress, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../common/ErrorText';
import { formatBytes, formatTime, groupedFingerprint } from '../common/format';
import { useRouter } from '../router';
import { useImportFlow } from './import-flow';

function Fingerprint({ value }: { value: string }) {
  return (
    <Typography.Text code copyable style={{ fontSize: 15, letterSpacing: 1 }} data-testid="issuer-fingerprint">
      {groupedFingerprint(value)}
    </Typography.Text>
  );
}

export function ImportDialog({ onImported }: { onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const { state, start, reset } = useImportFlow();
  const go = useRouter((router) => router.go);
  const [confirmed, setConfirmed] = useState(false);
  const open = state.step !== 'idle' && state.step !== 'reading' && state.step !== 'verifying';
  const close = () => {
    setConfirmed(false);
    if (state.step === 'done') onImported();
    void reset();
  };
  if (!open) return null;
  const preview = 'preview' in state ? state.preview : undefined;
  const isNewIssuer = preview?.issuer.trust === 'unknown';

  let footer: React.ReactNode = <Button onClick={close}>{t('common.close')}</Button>;
  if (state.step === 'preview') {
    footer = (
      <Space>
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button type="primary" disabled={isNewIssuer && !confirmed} onClick={() => void start(isNewIssuer ? state.preview.issuer.fingerprint : undefined)} data-testid="import-start">
          {t('importDialog.start')}
        </Button>
      </Space>
    );
  } else if (state.step === 'done') {
    footer = (
      <Space>
        <Button onClick={close}>{t('common.close')}</Button>
        <Button type="primary" onClick={() => { close(); go({ screen: 'round', roundId: state.summary.roundId }); }} data-testid="import-open-round">
          {t('importDialog.openRound')}
        </Button>
      </Space>
    );
  } else if (state.step === 'importing') {
    footer = null;
  }

  return (
    <Modal open title={t('importDialog.title')} onCancel={state.step === 'importing' ? undefined : close} closable={state.step !== 'importing'} maskClosable={false} footer={footer} width={640}>
      {preview && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('importDialog.round')}>{preview.title}</Descriptions.Item>
          <Descriptions.Item label={t('importDialog.version')}>
            {preview.bundleVersion}
            {preview.importedVersion !== undefined && <Typography.Text type="secondary"> — {t('importDialog.alreadyImported', { version: preview.importedVersion })}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('importDialog.issuedAt')}>{formatTime(preview.issuedAt, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('importDialog.issuer')}>{preview.issuer.name}</Descriptions.Item>
          <Descriptions.Item label={t('importDialog.fingerprint')}>
            <Fingerprint value={preview.issuer.fingerprint} />
          </Descriptions.Item>
          <Descriptions.Item label={t('importDialog.contents')}>
            {t('importDialog.contentsValue', { categories: preview.categories.length, applicants: preview.applicants, documents: preview.documents, size: formatBytes(preview.bytes) })}
          </Descriptions.Item>
        </Descriptions>
      )}
      <div style={{ marginTop: 16 }}>
        {state.step === 'preview' && isNewIssuer && (
          <Alert
            type="warning"
            showIcon
            title={t('importDialog.newIssuer')}
            description={
              <>
                <div>{t('importDialog.newIssuerHint')}</div>
                <Checkbox checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} style={{ marginTop: 8 }} data-testid="confirm-fingerprint">
                  {t('importDialog.confirmFingerprint')}
                </Checkbox>
              </>
            }
          />
        )}
        {state.step === 'preview' && !isNewIssuer && <Alert type="success" showIcon title={t('importDialog.knownIssuer')} />}
        {state.step === 'importing' && (
          <>
            <Typography.Text>{t('importDialog.importing')}</Typography.Text>
            <Progress percent={state.job && state.job.total > 0 ? Math.floor((state.job.done / state.job.total) * 100) : 0} status="active" data-testid="import-progress" />
          </>
        )}
        {state.step === 'done' && (
          <Result
            status="success"
            title={t('importDialog.done')}
            subTitle={
              state.summary.outcome === 'unchanged'
                ? t('importDialog.unchanged')
                : state.summary.outcome === 'replaced'
                  ? t('importDialog.replaced', { previous: state.summary.previousVersion, version: state.summary.bundleVersion, kept: state.summary.keptSheets })
                  : t('importDialog.imported', { version: state.summary.bundleVersion, documents: state.summary.documents })
            }
            extra={
              state.summary.reopened.length > 0 && (
                <List
                  size="small"
                  header={t('importDialog.reopened')}
                  dataSource={state.summary.reopened}
                  renderItem={(sheet) => (
                    <List.Item>
                      {sheet.applicantId} — {t(`importDialog.reopenReason.${sheet.reason}`, { defaultValue: sheet.reason })}
                    </List.Item>
                  )}
                />
              )
            }
          />
        )}
        {state.step === 'failed' && <ErrorText error={state.error} lead={t('importDialog.failed')} />}
      </div>
    </Modal>
  );
}

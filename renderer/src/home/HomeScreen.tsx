// Home: the expert's identity, the imported rounds, and importing a bundle (picker or drag-and-drop).
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, List, Modal, Progress, Space, Tag, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundSummary } from '../../../shared/api/contract';
import { call } from '../api/client';
import { ErrorText } from '../common/ErrorText';
import { useRouter } from '../router';
import { IdentityCard } from './IdentityCard';
import { ImportDialog } from './ImportDialog';
import { useImportFlow } from './import-flow';

export function HomeScreen() {
  const { t } = useTranslation();
  const go = useRouter((router) => router.go);
  const [rounds, setRounds] = useState<RoundSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const flow = useImportFlow();
  const load = useCallback(() => {
    call('rounds.list', {}).then(setRounds, setError);
  }, []);
  useEffect(load, [load]);
  const [modal, modalHolder] = Modal.useModal();
  const confirmRemove = async (round: RoundSummary) => {
    try {
      const { unexportedSheets } = await call('round.removeCheck', { roundId: round.id });
      const ok = await modal.confirm({
        title: t('home.removeTitle', { title: round.title }),
        content: (
          <>
            <p>{t('home.removeText')}</p>
            {unexportedSheets > 0 && <Alert type="error" showIcon title={t('home.removeUnexported', { count: unexportedSheets })} />}
          </>
        ),
        okText: t('home.removeConfirm'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
      });
      if (!ok) return;
      await call('round.remove', { roundId: round.id });
      load();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 24 }}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <IdentityCard />
        <Card title={t('home.rounds')}>
          {error !== null && <ErrorText error={error} />}
          {rounds !== null && rounds.length === 0 && <Empty description={t('home.noRounds')} />}
          {rounds !== null && rounds.length > 0 && (
            <List
              dataSource={rounds}
              renderItem={(round) => (
                <List.Item
                  data-testid={`round-${round.id}`}
                  actions={[
                    <Button key="open" type="primary" onClick={() => go({ screen: 'round', roundId: round.id })}>
                      {t('home.open')}
                    </Button>,
                    <Button key="remove" danger onClick={() => void confirmRemove(round)} data-testid={`remove-${round.id}`}>
                      {t('home.remove')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space>
                        {round.title}
                        {round.confidential && <Tag color="red">{t('home.confidential')}</Tag>}
                      </Space>
                    }
                    description={
                      <Space split="·" wrap>
                        {round.stage}
                        {t('home.version', { version: round.bundleVersion })}
                        {t('home.issuer', { name: round.issuer.name })}
                        {t('home.progress', { finished: round.finished, total: round.applicants })}
                      </Space>
                    }
                  />
                  <Progress type="circle" size={44} percent={round.applicants === 0 ? 0 : Math.round((round.finished / round.applicants) * 100)} />
                </List.Item>
              )}
            />
          )}
        </Card>
        <Card title={t('home.import')}>
          <Upload.Dragger
            accept=".rdbundle,.zip"
            multiple={false}
            showUploadList={false}
            openFileDialogOnClick={false}
            beforeUpload={(file) => {
              void flow.openFile(file);
              return false;
            }}
            data-testid="import-drop"
          >
            <div onClick={() => void flow.pick()} role="button" tabIndex={0} onKeyDown={(event) => event.key === 'Enter' && void flow.pick()} style={{ padding: 8 }}>
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{t('home.importHint')}</p>
            </div>
          </Upload.Dragger>
          {flow.state.step === 'reading' && <Progress percent={Math.round(flow.state.fraction * 100)} status="active" />}
          {flow.state.step === 'verifying' && <Alert type="info" showIcon title={t('home.verifying')} style={{ marginTop: 12 }} />}
        </Card>
      </Space>
      <ImportDialog onImported={load} />
      {modalHolder}
    </div>
  );
}

// 秘书处 / 评审委员会主任: the merges on this computer, and a new one from a bundle file.
import { InboxOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeSummary } from '../../../shared/api/contract';
import { call, client } from '../api/client';
import { ErrorText } from '../common/ErrorText';
import { useAction } from '../common/use-action';
import { formatTime } from '../common/format';
import { useRouter } from '../router';

export function MergeListScreen({ chair }: { chair: boolean }) {
  const { t, i18n } = useTranslation();
  const go = useRouter((router) => router.go);
  const [merges, setMerges] = useState<MergeSummary[] | null>(null);
  const { busy, error, setError, run } = useAction();
  useEffect(() => void call('merges.list', {}).then(setMerges, setError), [setError]);

  const create = (file: File | null) =>
    run(async () => {
      const source = file === null ? await client.pickBundle() : await client.sourceFromFile(file);
      if (source === null) return;
      const view = await call('merge.create', { source });
      go({ screen: 'merge', mergeId: view.mergeId, chair });
    });

  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 24 }}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title={chair ? t('merge.chairTitle') : t('merge.listTitle')}>
          {merges !== null && merges.length === 0 && <Empty description={t('merge.none')} />}
          {merges !== null && merges.length > 0 && (
            <List
              dataSource={merges}
              renderItem={(merge) => (
                <List.Item data-testid={`merge-${merge.roundId}`} actions={[<Button key="open" type="primary" onClick={() => go({ screen: 'merge', mergeId: merge.mergeId, chair })}>{t('home.open')}</Button>]}>
                  <List.Item.Meta title={merge.title} description={<Typography.Text type="secondary">{t('merge.summary', { version: merge.bundleVersion, files: merge.files, time: formatTime(merge.createdAt, i18n.language) })}</Typography.Text>} />
                </List.Item>
              )}
            />
          )}
          {error !== null && <ErrorText error={error} />}
        </Card>
        {!chair && (
          <Card title={t('merge.create')}>
            <Upload.Dragger accept=".rdbundle,.zip" multiple={false} showUploadList={false} openFileDialogOnClick={false} beforeUpload={(file) => { void create(file); return false; }} disabled={busy} data-testid="merge-bundle-drop">
              <div onClick={() => void create(null)} role="button" tabIndex={0} style={{ padding: 8 }}>
                <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                <p>{t('merge.createHint')}</p>
              </div>
            </Upload.Dragger>
          </Card>
        )}
      </Space>
    </div>
  );
}

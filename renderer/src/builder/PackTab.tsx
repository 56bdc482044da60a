// Check and pack: every problem that stops packing (with its row, field or file) and the
// warnings; packing and signing with the secretariat's key file (a job with progress); the
// bundles packed so far, each saved where the secretariat wants it; a new secretariat key.
import { Alert, Button, Card, Form, Input, List, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type BuildProblemView, type DraftView, type NewKeyPair } from '../../../shared/api/contract';
import { call, client } from '../api/client';
import { chooseFiles } from '../common/choose-files';
import { ErrorText } from '../common/ErrorText';
import { formatBytes, formatTime, groupedFingerprint } from '../common/format';
import type { DraftTabProps } from './BuilderScreen';

function ProblemList({ items, testId }: { items: BuildProblemView[]; testId: string }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid={testId}>
      {items.map((item, i) => (
        <li key={i}>{item.text}</li>
      ))}
    </ul>
  );
}

async function waitForPack(jobId: string, onProgress: (fraction: number) => void) {
  for (;;) {
    const job = await call('builder.packJob', { jobId });
    if (job.total > 0) onProgress(job.done / job.total);
    if (job.state === 'done') return job.result!;
    if (job.state === 'failed') throw new ApiError(job.error ?? { code: 'failed', message: 'packing failed' });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function PackTab({ draft, apply, busy }: DraftTabProps) {
  const { t, i18n } = useTranslation();
  const { check } = draft;
  const [key, setKey] = useState<{ fileName: string; text: string } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [fraction, setFraction] = useState<number | null>(null);
  const chooseKey = async () => {
    const [file] = await chooseFiles({ accept: '.key,.json' });
    if (file !== undefined) setKey({ fileName: file.name, text: await file.text() });
  };
  const pack = async () => {
    if (key === null) return;
    const ok = await apply(async (): Promise<DraftView> => {
      setFraction(0);
      try {
        const { jobId } = await call('builder.pack', { draftId: draft.draftId, key, passphrase });
        await waitForPack(jobId, setFraction);
      } finally {
        setFraction(null);
      }
      return call('builder.get', { draftId: draft.draftId });
    });
    if (ok) setPassphrase('');
  };
  const summary = t('builder.summary', { applicants: draft.round.applicants.length, documents: check.documents, experts: draft.round.experts.length, withKey: check.expertsWithKey });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="check-summary">
          {summary}
        </Typography.Paragraph>
        {check.categories.map((category) => (
          <div key={category.id} style={{ fontSize: 13, color: '#555' }}>
            {t('builder.categoryRow', { title: category.title, applicants: category.applicants, experts: category.experts })}
          </div>
        ))}
      </Card>
      {check.problems.length > 0 ? (
        <Alert type="error" showIcon title={t('builder.problems', { count: check.problems.length })} description={<ProblemList items={check.problems} testId="check-problems" />} />
      ) : (
        <Alert type="success" showIcon title={t('builder.noProblems')} data-testid="check-ok" />
      )}
      {check.warnings.length > 0 && <Alert type="warning" showIcon title={t('builder.warnings', { count: check.warnings.length })} description={<ProblemList items={check.warnings} testId="check-warnings" />} />}
      <Card size="small" title={t('builder.packTitle')}>
        <Space wrap>
          <Button onClick={() => void chooseKey()} data-testid="choose-key">
            {key === null ? t('builder.chooseKey') : key.fileName}
          </Button>
          <Input.Password placeholder={t('builder.passphrase')} value={passphrase} onChange={(event) => setPassphrase(event.target.value)} style={{ width: 240 }} data-testid="pack-passphrase" onPressEnter={() => void pack()} />
          <Button type="primary" disabled={busy || key === null || passphrase === '' || !check.ok} onClick={() => void pack()} data-testid="pack">
            {t('builder.pack')}
          </Button>
        </Space>
        {fraction !== null && <Progress percent={Math.round(fraction * 100)} size="small" style={{ marginTop: 8 }} />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {t('builder.repackHint')}
        </Typography.Paragraph>
      </Card>
      {draft.packs.length > 0 && (
        <Card size="small" title={t('builder.packs')}>
          <List
            dataSource={[...draft.packs].reverse()}
            renderItem={(record) => (
              <List.Item
                data-testid={`pack-v${record.bundleVersion}`}
                actions={[
                  <Button key="save" onClick={() => void client.saveBuiltBundle(draft.draftId, record.bundleVersion)} data-testid={`save-bundle-v${record.bundleVersion}`}>
                    {t('builder.saveBundle')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={`${t('builder.version', { version: record.bundleVersion })} · ${record.fileName}`}
                  description={t('builder.packRecord', {
                    documents: record.documents,
                    size: formatBytes(record.bytes),
                    issuer: record.issuer.name,
                    fingerprint: groupedFingerprint(record.issuer.fingerprint),
                    time: formatTime(record.createdAt, i18n.language),
                  })}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <KeygenCard />
    </Space>
  );
}

/** A new secretariat key pair, downloaded as .key (encrypted) and .pub. */
function KeygenCard() {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [made, setMade] = useState<NewKeyPair | null>(null);
  const [form] = Form.useForm<{ name: string; passphrase: string; again: string }>();
  const create = async (values: { name: string; passphrase: string }) => {
    setError(null);
    try {
      const pair = await call('builder.keygen', { name: values.name.trim(), passphrase: values.passphrase });
      setMade(pair);
      form.resetFields();
      await client.saveFile(pair.key);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Card size="small" title={t('builder.keygenTitle')}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('builder.keygenHint')}
      </Typography.Paragraph>
      <Form form={form} name="keygen" layout="inline" onFinish={(values) => void create(values)} style={{ rowGap: 8 }}>
        <Form.Item name="name" label={t('builder.keygenName')} rules={[{ required: true, whitespace: true, message: t('builder.required') }]}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="passphrase" label={t('identity.passphrase')} rules={[{ required: true, min: 8, message: t('builder.required') }]}>
          <Input.Password style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="again"
          label={t('identity.passphraseAgain')}
          dependencies={['passphrase']}
          rules={[({ getFieldValue }) => ({ validator: async (_rule, value) => (value === getFieldValue('passphrase') ? undefined : Promise.reject(new Error(t('identity.mismatch')))) })]}
        >
          <Input.Password style={{ width: 180 }} />
        </Form.Item>
        <Button htmlType="submit">{t('builder.keygen')}</Button>
      </Form>
      {made !== null && (
        // The .key is saved at once; each file also has its own button (a browser may hold back a second download).
        <Alert
          style={{ marginTop: 8 }}
          type="success"
          showIcon
          title={t('builder.keygenDone', { fingerprint: groupedFingerprint(made.fingerprint) })}
          description={
            <Space>
              <Button size="small" onClick={() => void client.saveFile(made.key)} data-testid="save-new-key">
                {made.key.fileName}
              </Button>
              <Button size="small" onClick={() => void client.saveFile(made.pub)} data-testid="save-new-pub">
                {made.pub.fileName}
              </Button>
            </Space>
          }
        />
      )}
      {error !== null && <ErrorText error={error} />}
    </Card>
  );
}

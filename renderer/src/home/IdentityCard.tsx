// The expert's identity: first-run setup (name, passphrase with a strength hint), the fingerprint
// in groups of four, export of the public key, encrypted backup and restore, passphrase change.
// The secret key never reaches this page: only the passphrase travels, to the host that holds it.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Progress, Space, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityView } from '../../../shared/api/contract';
import { passphraseStrength } from '../../../shared/identity/passphrase-strength';
import { call, client } from '../api/client';
import { ErrorText } from '../common/ErrorText';
import { groupedFingerprint } from '../common/format';

function StrengthMeter({ passphrase }: { passphrase: string }) {
  const { t } = useTranslation();
  if (passphrase === '') return null;
  const strength = passphraseStrength(passphrase);
  const colours = ['#cf1322', '#d4380d', '#d48806', '#389e0d', '#237804'];
  return (
    <div data-testid="passphrase-strength" data-score={strength.score}>
      <Progress percent={(strength.score + 1) * 20} showInfo={false} strokeColor={colours[strength.score]} size="small" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {(t('identity.strength', { returnObjects: true }) as string[])[strength.score]}
        {strength.hints.length > 0 && `：${strength.hints.map((hint) => t(`identity.hints.${hint}`)).join('；')}`}
      </Typography.Text>
    </div>
  );
}

type Dialog = null | 'create' | 'restore' | 'change';

export function IdentityCard() {
  const { t } = useTranslation();
  const [identity, setIdentity] = useState<IdentityView | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const passphrase = Form.useWatch('passphrase', form) as string | undefined;
  const next = Form.useWatch('next', form) as string | undefined;
  const load = useCallback(() => void call('identity.status', {}).then(setIdentity, setError), []);
  useEffect(load, [load]);

  const close = () => {
    setDialog(null);
    setError(null);
    form.resetFields();
  };
  const submit = async () => {
    const values = (await form.validateFields()) as Record<string, string>;
    setBusy(true);
    setError(null);
    try {
      if (dialog === 'create') {
        setIdentity(await call('identity.create', { name: values.name!, passphrase: values.passphrase! }));
        void message.success(t('identity.created'));
      } else if (dialog === 'restore') {
        const file = (values.file as unknown as { originFileObj?: File } | undefined)?.originFileObj;
        setIdentity(await call('identity.restore', { content: values.content!, passphrase: values.passphrase!, ...(file ? { fileName: file.name } : {}) }));
        void message.success(t('identity.restored'));
      } else if (dialog === 'change') {
        await call('identity.changePassphrase', { current: values.current!, next: values.next! });
        void message.success(t('identity.changed'));
      }
      close();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const save = async (which: 'identity.exportPublic' | 'identity.backup') => {
    try {
      await client.saveFile(await call(which, {}));
    } catch (failure) {
      setError(failure);
    }
  };

  const repeat = (field: string) => ({
    validator: (_: unknown, value: string) => (value === form.getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(t('identity.mismatch')))),
  });

  return (
    <Card size="small" title={<><SafetyCertificateOutlined /> {t('identity.title')}</>} data-testid="identity-card">
      {identity?.exists ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong data-testid="identity-name">{identity.name}</Typography.Text>
            <Typography.Text type="secondary">{t('identity.fingerprint')}</Typography.Text>
            <Typography.Text code copyable data-testid="identity-fingerprint" style={{ letterSpacing: 1 }}>
              {groupedFingerprint(identity.fingerprint ?? '')}
            </Typography.Text>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('identity.fingerprintHint')}</Typography.Text>
          <Space wrap>
            <Button size="small" onClick={() => void save('identity.exportPublic')} data-testid="export-public">{t('identity.exportPublic')}</Button>
            <Button size="small" onClick={() => void save('identity.backup')} title={t('identity.backupHint')}>{t('identity.backup')}</Button>
            <Button size="small" onClick={() => setDialog('change')}>{t('identity.changePassphrase')}</Button>
          </Space>
        </Space>
      ) : identity !== null ? (
        <Space direction="vertical">
          <Typography.Text type="secondary">{t('identity.none')}</Typography.Text>
          <Space>
            <Button type="primary" onClick={() => setDialog('create')} data-testid="create-identity">{t('identity.create')}</Button>
            <Button onClick={() => setDialog('restore')}>{t('identity.restore')}</Button>
          </Space>
        </Space>
      ) : null}
      {dialog === null && error !== null && <ErrorText error={error} />}
      <Modal
        open={dialog !== null}
        title={dialog === 'create' ? t('identity.create') : dialog === 'restore' ? t('identity.restore') : t('identity.changePassphrase')}
        onCancel={close}
        onOk={() => void submit()}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'identity-ok' } as React.ComponentProps<typeof Button>}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'create' && (
            <>
              <Form.Item name="name" label={t('identity.name')} rules={[{ required: true, whitespace: true }]}>
                <Input autoFocus data-testid="identity-name-input" />
              </Form.Item>
              <Form.Item name="passphrase" label={t('identity.passphrase')} extra={t('identity.passphraseHint')} rules={[{ required: true, min: 8 }]}>
                <Input.Password data-testid="identity-passphrase" />
              </Form.Item>
              <StrengthMeter passphrase={passphrase ?? ''} />
              <Form.Item name="again" label={t('identity.passphraseAgain')} dependencies={['passphrase']} rules={[{ required: true }, repeat('passphrase')]}>
                <Input.Password data-testid="identity-passphrase-again" />
              </Form.Item>
            </>
          )}
          {dialog === 'restore' && (
            <>
              <Form.Item name="content" label={t('identity.backupFile')} rules={[{ required: true }]}>
                <Input.TextArea rows={4} placeholder="{ &quot;format&quot;: &quot;reviewdesk.key/1&quot;, … }" />
              </Form.Item>
              <input
                type="file"
                accept=".key,application/json"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (file) void file.text().then((content) => form.setFieldValue('content', content));
                }}
              />
              <Form.Item name="passphrase" label={t('identity.passphrase')} rules={[{ required: true }]}>
                <Input.Password />
              </Form.Item>
            </>
          )}
          {dialog === 'change' && (
            <>
              <Form.Item name="current" label={t('identity.currentPassphrase')} rules={[{ required: true }]}>
                <Input.Password autoFocus />
              </Form.Item>
              <Form.Item name="next" label={t('identity.newPassphrase')} rules={[{ required: true, min: 8 }]}>
                <Input.Password />
              </Form.Item>
              <StrengthMeter passphrase={next ?? ''} />
              <Form.Item name="again" label={t('identity.passphraseAgain')} dependencies={['next']} rules={[{ required: true }, repeat('next')]}>
                <Input.Password />
              </Form.Item>
            </>
          )}
        </Form>
        {error !== null && <ErrorText error={error} />}
        {dialog === 'create' && <Alert type="info" showIcon title={t('identity.backupHint')} style={{ marginTop: 8 }} />}
      </Modal>
    </Card>
  );
}

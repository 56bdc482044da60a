// Who the expert is in this round's roster: bound by key, chosen by the expert, or to be chosen.
import { Alert, Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BindingView } from '../../../shared/api/contract';
import { call } from '../api/client';
import { ErrorText } from '../common/ErrorText';

export function BindingBanner({ roundId, binding, onBound }: { roundId: string; binding: BindingView; onBound: () => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  if (binding.state === 'no-identity') return <Alert type="warning" showIcon title={t('binding.noIdentity')} data-testid="binding-banner" />;
  if (binding.state === 'bound') {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="binding-banner"
        title={`${t('binding.bound', { id: binding.expertId, name: binding.expertName })} ${binding.how === 'roster-key' ? t('binding.boundByKey') : t('binding.boundChosen')}`}
      />
    );
  }
  const bind = async () => {
    if (chosen === undefined) return;
    setError(null);
    try {
      await call('round.bind', { roundId, expertId: chosen });
      onBound();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Alert
      type="info"
      showIcon
      data-testid="binding-banner"
      title={t('binding.choose')}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Select style={{ width: 240 }} value={chosen} onChange={setChosen} options={binding.candidates.map((expert) => ({ value: expert.id, label: `${expert.id} ${expert.name}` }))} data-testid="binding-select" />
            <Button type="primary" disabled={chosen === undefined} onClick={() => void bind()} data-testid="binding-confirm">
              {t('binding.chooseButton')}
            </Button>
          </Space>
          {binding.othersKeyed.length > 0 && <span>{t('binding.othersKeyed', { names: binding.othersKeyed.map((expert) => `${expert.id} ${expert.name}`).join('、') })}</span>}
          {error !== null && <ErrorText error={error} />}
        </Space>
      }
    />
  );
}

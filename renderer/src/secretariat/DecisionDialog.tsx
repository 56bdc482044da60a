// The chair's decision on one applicant: resolve a tie or change the award (a reason is required),
// the panel's opinion (评审意见), and named experts' dissent. Saved as it is typed, like sheets.
import { Alert, Button, Input, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionInput, MergeApplicantView, MergeCategoryView, MergeView } from '../../../shared/api/contract';
import { call } from '../api/client';
import { ErrorText } from '../common/ErrorText';

const KEEP = '__keep__';
const NONE = '__none__';

export function DecisionDialog({ view, category, applicant, onClose, onSaved }: { view: MergeView; category: MergeCategoryView; applicant: MergeApplicantView | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const existing = applicant === null ? undefined : view.decisions.find((decision) => decision.categoryId === category.id && decision.applicantId === applicant.applicantId);
  const [decision, setDecision] = useState<DecisionInput>({ reason: '', opinion: '', dissent: [] });
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'invalid'>('idle');
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    setDecision(existing === undefined ? { reason: '', opinion: '', dissent: [] } : { ...(existing.award !== undefined ? { award: existing.award } : {}), reason: existing.reason, opinion: existing.opinion, dissent: existing.dissent });
    setState('idle');
    setError(null);
  }, [applicant?.applicantId]);

  if (applicant === null) return null;

  const update = (next: DecisionInput) => {
    setDecision(next);
    if (timer.current !== undefined) clearTimeout(timer.current);
    if (next.award !== undefined && next.reason.trim() === '') return setState('invalid');
    setState('saving');
    timer.current = setTimeout(() => {
      call('merge.decide', { mergeId: view.mergeId, categoryId: category.id, applicantId: applicant.applicantId, decision: next }).then(
        () => {
          setState('saved');
          onSaved();
        },
        (failure: unknown) => {
          setError(failure);
          setState('idle');
        },
      );
    }, 400);
  };
  const awardValue = decision.award === undefined ? KEEP : decision.award === null ? NONE : decision.award;
  const experts = view.experts.filter((expert) => expert.status === 'used');

  return (
    <Modal open title={`${t('decision.title')}：${applicant.applicantId} ${applicant.name}`} onCancel={onClose} footer={<Button onClick={onClose}>{t('common.close')}</Button>} width={640}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('decision.computed', { award: applicant.award ?? t('decision.noAward'), score: applicant.score ?? '—' })}</Typography.Text>
        {applicant.flags.some((flag) => flag.flag === 'tie') && <Alert type="warning" showIcon title={t('decision.tie')} />}
        <Space>
          <Typography.Text>{t('decision.award')}</Typography.Text>
          <Select
            style={{ width: 220 }}
            value={awardValue}
            onChange={(value: string) => update({ ...decision, ...(value === KEEP ? { award: undefined } : { award: value === NONE ? null : value }) })}
            options={[{ value: KEEP, label: t('decision.keep') }, ...category.awardLabels.map((label) => ({ value: label, label })), { value: NONE, label: t('decision.noAward') }]}
            data-testid="decision-award"
          />
        </Space>
        <Input.TextArea rows={2} value={decision.reason} placeholder={t('decision.reason')} status={state === 'invalid' ? 'error' : undefined} onChange={(event) => update({ ...decision, reason: event.target.value })} data-testid="decision-reason" />
        {state === 'invalid' && <Typography.Text type="danger">{t('decision.reasonRequired')}</Typography.Text>}
        <Input.TextArea rows={3} value={decision.opinion} placeholder={t('decision.opinion')} onChange={(event) => update({ ...decision, opinion: event.target.value })} data-testid="decision-opinion" />
        <Typography.Text strong>{t('decision.dissent')}</Typography.Text>
        {decision.dissent.map((item, index) => (
          <Space key={index} align="start" style={{ width: '100%' }}>
            <Select style={{ width: 140 }} value={item.expertId} options={experts.map((expert) => ({ value: expert.id, label: `${expert.id} ${expert.name}` }))} onChange={(expertId: string) => update({ ...decision, dissent: decision.dissent.map((other, i) => (i === index ? { ...other, expertId } : other)) })} />
            <Input.TextArea autoSize style={{ width: 360 }} value={item.text} onChange={(event) => update({ ...decision, dissent: decision.dissent.map((other, i) => (i === index ? { ...other, text: event.target.value } : other)) })} />
            <Button size="small" onClick={() => update({ ...decision, dissent: decision.dissent.filter((_, i) => i !== index) })}>×</Button>
          </Space>
        ))}
        <Button size="small" disabled={experts.length === 0} onClick={() => update({ ...decision, dissent: [...decision.dissent, { expertId: experts[0]!.id, text: '' }] })}>{t('decision.addDissent')}</Button>
        <Typography.Text type="secondary" data-testid="decision-state" data-state={state}>{state === 'saved' ? t('decision.saved') : state === 'saving' ? t('review.saving') : ''}</Typography.Text>
        {error !== null && <ErrorText error={error} />}
      </Space>
    </Modal>
  );
}

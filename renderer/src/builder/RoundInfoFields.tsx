// The round's own information as form fields, for a new round and for editing one. Id and title
// are required (the id names files); the rest may be left empty.
import { Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export function RoundInfoFields({ hints = false }: { hints?: boolean }) {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true, message: t('builder.required') }];
  return (
    <>
      <Form.Item name="id" label={t('builder.roundId')} rules={required} {...(hints ? { extra: t('builder.roundIdHint') } : {})}>
        <Input style={{ width: 200 }} data-testid="round-id" />
      </Form.Item>
      <Form.Item name="title" label={t('builder.roundTitle')} rules={required}>
        <Input style={{ width: 400 }} data-testid="round-title" />
      </Form.Item>
      <Form.Item name="organizer" label={t('builder.organizer')}>
        <Input style={{ width: 280 }} />
      </Form.Item>
      <Form.Item name="stage" label={t('builder.stage')}>
        <Input style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="scoringCloses" label={t('builder.scoringCloses')}>
        <Input type="date" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="confidential" valuePropName="checked">
        <Checkbox>{t('builder.confidential')}</Checkbox>
      </Form.Item>
    </>
  );
}

// The application shell: title bar with the language switch, and the screen the route names.
import { ConfigProvider, Select, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from './i18n';
import { HomeScreen } from './home/HomeScreen';
import { RoundScreen } from './round/RoundScreen';
import { ReviewScreen } from './review/ReviewScreen';
import { useRouter } from './router';

const FONT = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRouter((router) => router.route);
  const language = (i18n.language === 'en' ? 'en' : 'zh-CN') as Language;
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={{ algorithm: theme.defaultAlgorithm, token: { fontFamily: FONT, fontSize: 14, colorPrimary: '#1f5fbf' } }}>
      <div style={{ fontFamily: FONT, minHeight: '100vh', background: '#fff' }}>
        {route.screen !== 'review' && (
          <header style={{ display: 'flex', alignItems: 'center', padding: '8px 16px', borderBottom: '1px solid #f0f0f0' }}>
            <strong style={{ fontSize: 16 }}>{t('app.title')}</strong>
            <span style={{ flex: 1 }} />
            <Select
              size="small"
              value={language}
              aria-label={t('app.language')}
              onChange={(value: Language) => setLanguage(value)}
              options={[{ value: 'zh-CN', label: '简体中文' }, { value: 'en', label: 'English' }]}
              style={{ width: 110 }}
              data-testid="language"
            />
          </header>
        )}
        {route.screen === 'home' && <HomeScreen />}
        {route.screen === 'round' && <RoundScreen roundId={route.roundId} />}
        {route.screen === 'review' && <ReviewScreen roundId={route.roundId} applicantId={route.applicantId} {...(route.documentId ? { documentId: route.documentId } : {})} {...(route.page ? { page: route.page } : {})} />}
      </div>
    </ConfigProvider>
  );
}

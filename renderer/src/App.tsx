// The application shell: title bar with the language switch, and the screen the route names.
import { ConfigProvider, Segmented, Select, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from './i18n';
import { HomeScreen } from './home/HomeScreen';
import { RoundScreen } from './round/RoundScreen';
import { ReviewScreen } from './review/ReviewScreen';
import { useRouter, type Route } from './router';
import { MergeListScreen } from './secretariat/MergeListScreen';
import { MergeScreen } from './secretariat/MergeScreen';
import { BuilderListScreen } from './builder/BuilderListScreen';
import { BuilderScreen } from './builder/BuilderScreen';

const FONT = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

function roleOf(route: Route): 'expert' | 'secretariat' | 'chair' {
  if (route.screen === 'merges' || route.screen === 'merge') return route.chair ? 'chair' : 'secretariat';
  if (route.screen === 'builder' || route.screen === 'draft') return 'secretariat';
  return 'expert';
}

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRouter((router) => router.route);
  const go = useRouter((router) => router.go);
  const language = (i18n.language === 'en' ? 'en' : 'zh-CN') as Language;
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={{ algorithm: theme.defaultAlgorithm, token: { fontFamily: FONT, fontSize: 14, colorPrimary: '#1f5fbf' } }}>
      <div style={{ fontFamily: FONT, minHeight: '100vh', background: '#fff' }}>
        {route.screen !== 'review' && (
          <header style={{ display: 'flex', alignItems: 'center', padding: '8px 16px', borderBottom: '1px solid #f0f0f0' }}>
            <strong style={{ fontSize: 16, marginInlineEnd: 24 }}>{t('app.title')}</strong>
            <Segmented
              size="small"
              value={roleOf(route)}
              onChange={(role) => go(role === 'expert' ? { screen: 'home' } : { screen: 'merges', chair: role === 'chair' })}
              options={[{ value: 'expert', label: t('roles.expert') }, { value: 'secretariat', label: t('roles.secretariat') }, { value: 'chair', label: t('roles.chair') }]}
              data-testid="role"
            />
            {roleOf(route) === 'secretariat' && (
              <Segmented
                size="small"
                style={{ marginInlineStart: 16 }}
                value={route.screen === 'builder' || route.screen === 'draft' ? 'builder' : 'merges'}
                onChange={(area) => go(area === 'builder' ? { screen: 'builder' } : { screen: 'merges', chair: false })}
                options={[{ value: 'builder', label: t('nav.builder') }, { value: 'merges', label: t('nav.merges') }]}
                data-testid="secretariat-area"
              />
            )}
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
        {route.screen === 'merges' && <MergeListScreen key={String(route.chair)} chair={route.chair} />}
        {route.screen === 'merge' && <MergeScreen key={`${route.mergeId}:${route.chair}`} mergeId={route.mergeId} chair={route.chair} />}
        {route.screen === 'builder' && <BuilderListScreen />}
        {route.screen === 'draft' && <BuilderScreen key={route.draftId} draftId={route.draftId} />}
        {route.screen === 'review' && <ReviewScreen roundId={route.roundId} applicantId={route.applicantId} {...(route.documentId ? { documentId: route.documentId } : {})} {...(route.page ? { page: route.page } : {})} />}
      </div>
    </ConfigProvider>
  );
}

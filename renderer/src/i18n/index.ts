// i18next with zh-CN as the default language and English switchable. Each screen's strings live
// under its own key (`home.*`, `round.*`, `review.*`, `viewer.*`, `sheet.*`).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';
import { en } from './en';
import { workspaceZhCN } from './workspace.zh-CN';
import { workspaceEn } from './workspace.en';
import { builderZhCN } from './builder.zh-CN';
import { builderEn } from './builder.en';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('reviewdesk.language') : null;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: { ...zhCN, ...workspaceZhCN, ...builderZhCN } }, en: { translation: { ...en, ...workspaceEn, ...builderEn } } },
  lng: stored === 'en' ? 'en' : 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export function setLanguage(language: Language): void {
  localStorage.setItem('reviewdesk.language', language);
  void i18n.changeLanguage(language);
}

export default i18n;

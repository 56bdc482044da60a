import { describe, expect, it } from 'vitest';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';
import { en } from '../../../renderer/src/i18n/en';

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] => Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

describe('viewer strings', () => {
  it('exist in Chinese and English with the same keys and placeholders', () => {
    const zh = keys(zhCN.viewer as Tree).sort();
    expect(zh.length).toBeGreaterThan(20);
    expect(keys(en.viewer as Tree).sort()).toEqual(zh);
    const lookup = (tree: Tree, path: string): string => path.split('.').reduce<string | Tree>((node, k) => (node as Tree)[k] as string | Tree, tree) as string;
    for (const key of zh) {
      const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(placeholders(lookup(en.viewer as Tree, key)), key).toEqual(placeholders(lookup(zhCN.viewer as Tree, key)));
    }
  });
});

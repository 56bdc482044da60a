import { describe, expect, it } from 'vitest';
import { viewerKeyAction, type KeyInput } from '../../../renderer/src/viewer/logic/keyboard';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, inTextField: false, ...extra,
});

describe('viewerKeyAction', () => {
  it('maps page keys', () => {
    expect(viewerKeyAction(key('PageDown'))).toBe('nextPage');
    expect(viewerKeyAction(key('PageUp'))).toBe('previousPage');
    expect(viewerKeyAction(key('Home'))).toBe('firstPage');
    expect(viewerKeyAction(key('End'))).toBe('lastPage');
  });

  it('opens find with Ctrl+F or Cmd+F, even from a text field', () => {
    expect(viewerKeyAction(key('f', { ctrlKey: true }))).toBe('openFind');
    expect(viewerKeyAction(key('F', { metaKey: true, shiftKey: true }))).toBe('openFind');
    expect(viewerKeyAction(key('f', { ctrlKey: true, inTextField: true }))).toBe('openFind');
  });

  it('leaves other keys, modified keys and text fields alone', () => {
    expect(viewerKeyAction(key('f'))).toBeNull();
    expect(viewerKeyAction(key('ArrowDown'))).toBeNull();
    expect(viewerKeyAction(key('Home', { inTextField: true }))).toBeNull();
    expect(viewerKeyAction(key('End', { ctrlKey: true }))).toBeNull();
    expect(viewerKeyAction(key('PageDown', { altKey: true }))).toBeNull();
    expect(viewerKeyAction(key('f', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

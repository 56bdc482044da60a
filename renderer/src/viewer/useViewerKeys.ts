// PageUp/PageDown/Home/End and Ctrl+F while the viewer (or anything inside it) has focus.
import { useCallback, type KeyboardEvent } from 'react';
import { viewerKeyAction } from './logic/keyboard';
import type { ViewerCommands } from './useViewerController';

function isTextField(target: EventTarget): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

export function useViewerKeys(commands: ViewerCommands, openFind: () => void): (event: KeyboardEvent<HTMLElement>) => void {
  return useCallback((event) => {
    const action = viewerKeyAction({
      key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, shiftKey: event.shiftKey,
      inTextField: isTextField(event.target),
    });
    if (action === null) return;
    event.preventDefault();
    event.stopPropagation();
    switch (action) {
      case 'openFind': openFind(); break;
      case 'nextPage': commands.nextPage(); break;
      case 'previousPage': commands.previousPage(); break;
      case 'firstPage': commands.firstPage(); break;
      case 'lastPage': commands.lastPage(); break;
    }
  }, [commands, openFind]);
}

// Keyboard shortcuts of the viewer, active while it has focus.

export type ViewerKeyAction = 'nextPage' | 'previousPage' | 'firstPage' | 'lastPage' | 'openFind';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** True when the event comes from a text field (page box, find box): page keys stay local. */
  inTextField: boolean;
}

export function viewerKeyAction(input: KeyInput): ViewerKeyAction | null {
  const command = input.ctrlKey || input.metaKey;
  if (command && !input.altKey && (input.key === 'f' || input.key === 'F')) return 'openFind';
  if (command || input.altKey || input.inTextField) return null;
  switch (input.key) {
    case 'PageDown':
      return 'nextPage';
    case 'PageUp':
      return 'previousPage';
    case 'Home':
      return 'firstPage';
    case 'End':
      return 'lastPage';
    default:
      return null;
  }
}

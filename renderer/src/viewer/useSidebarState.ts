// Whether the sidebar is open and which panel it shows; openness is remembered per machine.
import { useCallback, useMemo, useState } from 'react';

export type SidebarPanel = 'outline' | 'thumbnails' | 'find';

const STORAGE_KEY = 'reviewdesk.viewer.sidebarOpen';

function readOpen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'false';
  } catch {
    return true;
  }
}

function writeOpen(open: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(open));
  } catch {
    // Storage unavailable (private mode, tests): the choice just is not remembered.
  }
}

export interface SidebarState {
  open: boolean;
  panel: SidebarPanel;
  toggle(): void;
  show(panel: SidebarPanel): void;
}

export function useSidebarState(): SidebarState {
  const [open, setOpen] = useState(readOpen);
  const [panel, setPanel] = useState<SidebarPanel>('outline');
  const toggle = useCallback(() => {
    setOpen((was) => {
      writeOpen(!was);
      return !was;
    });
  }, []);
  const show = useCallback((next: SidebarPanel) => {
    setPanel(next);
    setOpen(true);
    writeOpen(true);
  }, []);
  return useMemo(() => ({ open, panel, toggle, show }), [open, panel, toggle, show]);
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { App } from './App';
import { useImportFlow } from './home/import-flow';
import { useRouter } from './router';

// Files opened with the desktop app: a bundle starts the import, a score file the secretariat.
window.reviewdesk?.onOpenFile((file) => {
  if (file.kind === 'bundle') {
    useRouter.getState().go({ screen: 'home' });
    void useImportFlow.getState().openPath(file.path);
  } else useRouter.getState().go({ screen: 'merges', chair: false });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The browser's file chooser, as a promise: files, several files, or a whole folder (its files
// with their paths below the chosen folder). Works the same in Electron and in the browser.
export function chooseFiles(options: { accept?: string; multiple?: boolean; folder?: boolean } = {}): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    if (options.accept !== undefined) input.accept = options.accept;
    input.multiple = options.multiple === true;
    if (options.folder === true) input.webkitdirectory = true;
    input.addEventListener('change', () => resolve([...(input.files ?? [])]));
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

/** A file of a chosen folder: its path below that folder (`A001 某某/附件/合同.pdf`). */
export function pathInFolder(file: File): string {
  const relative = file.webkitRelativePath || file.name;
  const parts = relative.split('/');
  return parts.length > 1 ? parts.slice(1).join('/') : relative;
}

/** The name of the folder the files were chosen from ('' when they were not chosen as a folder). */
export function chosenFolderName(files: readonly File[]): string {
  const first = files[0]?.webkitRelativePath || '';
  return first.includes('/') ? first.split('/')[0]! : '';
}

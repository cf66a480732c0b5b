import type { ImportFile } from '../import/sources';

/** Files from an `<input type=file>` (with `webkitdirectory`, paths inside the picked folder). */
export async function fromFileList(list: FileList | File[]): Promise<ImportFile[]> {
  return Promise.all(
    [...list].map(async (file) => ({ path: file.webkitRelativePath || file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
}

const entryFile = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));
const readBatch = (reader: FileSystemDirectoryReader) => new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));

/** Files dropped on the page, folders walked (a drop gives entries, not a file list). */
export async function fromDrop(transfer: DataTransfer): Promise<ImportFile[]> {
  const roots = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => !!e);
  if (!roots.length) return fromFileList(transfer.files);
  const out: ImportFile[] = [];
  const stack = [...roots];
  while (stack.length) {
    const entry = stack.pop()!;
    if (entry.isFile) {
      const file = await entryFile(entry as FileSystemFileEntry);
      out.push({ path: entry.fullPath.replace(/^\//, ''), bytes: new Uint8Array(await file.arrayBuffer()) });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries hands out a directory in batches until it returns none.
      for (let batch = await readBatch(reader); batch.length; batch = await readBatch(reader)) stack.push(...batch);
    }
  }
  return out;
}

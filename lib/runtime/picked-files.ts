import { isIgnoredPath, needsBytes, type ImportFile } from '../import/sources';

const NO_BYTES = new Uint8Array(0);

/**
 * A picked or dropped file as import takes it: its bytes only when import reads them. A picked
 * folder holds what import never reads (a `.git` folder, images, a video), and a file too large to
 * import is refused by its size: reading them first would only fill the page's memory.
 */
async function importFile(path: string, file: File): Promise<ImportFile> {
  if (!needsBytes(path, file.size)) return { path, bytes: NO_BYTES, size: file.size };
  return { path, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Files from an `<input type=file>` (with `webkitdirectory`, paths inside the picked folder). */
export async function fromFileList(list: FileList | File[]): Promise<ImportFile[]> {
  return Promise.all([...list].map((file) => importFile(file.webkitRelativePath || file.name, file)));
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
      out.push(await importFile(entry.fullPath.replace(/^\//, ''), await entryFile(entry as FileSystemFileEntry)));
    } else if (entry.isDirectory && !isIgnoredPath(`${entry.fullPath.replace(/^\//, '')}/`)) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries hands out a directory in batches until it returns none.
      for (let batch = await readBatch(reader); batch.length; batch = await readBatch(reader)) stack.push(...batch);
    }
  }
  return out;
}

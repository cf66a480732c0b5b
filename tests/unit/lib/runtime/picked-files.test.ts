import { describe, expect, it, vi } from 'vitest';
import { fromFileList } from '@/lib/runtime/picked-files';
import { LIMITS, readImportFiles } from '@/lib/import/sources';

/** A file as `<input webkitdirectory>` gives it, `size` bytes long, its reads counted. */
function picked(path: string, text: string, size = text.length) {
  const file = new File([text], path.split('/').at(-1)!);
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  Object.defineProperty(file, 'size', { value: size });
  const read = vi.spyOn(file, 'arrayBuffer');
  return { file, read };
}

describe('files picked for import', () => {
  it('reads only the bytes import uses: not a .git folder, images, other files, or a file too large to import', async () => {
    const summary = picked('notes/SUMMARY.md', '# Table of contents\n\n* [Introduction](README.md)\n');
    const pack = picked('notes/.git/objects/pack/pack-1.pack', 'x', 900 * 1024 * 1024);
    const image = picked('notes/.gitbook/assets/figure.png', 'x', 5 * 1024 * 1024);
    const video = picked('notes/talk.mp4', 'x', 2 * 1024 * 1024 * 1024);
    const huge = picked('notes/backup.json', '{}', LIMITS.json + 20 * 1024 * 1024);
    const files = await fromFileList([summary.file, pack.file, image.file, video.file, huge.file]);
    expect(summary.read).toHaveBeenCalledTimes(1);
    for (const { read } of [pack, image, video, huge]) expect(read).not.toHaveBeenCalled();
    // What import says of them is as before: the large backup refused by its size, the video skipped.
    const { errors, warnings } = readImportFiles(files);
    expect(errors).toEqual([{ file: 'notes/backup.json', line: 0, message: 'too large to import (120.0 MB; a backup may be 100.0 MB)' }]);
    expect(warnings).toEqual([{ file: 'notes/talk.mp4', line: 0, message: 'skipped: not a .md, .zip or .json file' }]);
  });

  it('refuses a Markdown file too large to read by the limit of the largest Markdown import reads', async () => {
    // A single-file export of 210 MB: its bytes are not read, so its first line cannot say what it is.
    const huge = picked('paper-notes.md', '<!-- paper-notes single-file export -->\n', LIMITS.unzipped + 10 * 1024 * 1024);
    const { errors } = readImportFiles(await fromFileList([huge.file]));
    expect(huge.read).not.toHaveBeenCalled();
    expect(errors).toEqual([{ file: 'paper-notes.md', line: 0, message: 'too large to import (210.0 MB; a single-file export may be 200.0 MB)' }]);
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
// As in the panel, which loads compat (lazy, Suspense): compat makes onChange fire on every key.
import 'preact/compat';
import { render as renderNow } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor, type EditValues } from '@/components/NoteEditor';

afterEach(cleanup);
const value: EditValues = { note: '* one', summary: '', tags: ['llm'] };

describe('NoteEditor', () => {
  it('has the note focused as it appears, so a field clicked right after keeps its focus', async () => {
    const root = document.body.appendChild(document.createElement('div'));
    // Preact's own render, not the testing library's (which flushes every effect at once).
    renderNow(<NoteEditor value={value} onChange={() => {}} onSave={() => {}} onCancel={() => {}} saving={false} />, root);
    expect(document.activeElement).toBe(root.querySelector('[data-testid=edit-note]'));
    const tags = root.querySelector<HTMLInputElement>('[data-testid=edit-tags]')!;
    tags.focus();
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement).toBe(tags);
    renderNow(null, root);
    root.remove();
  });

  it('saves with Ctrl+S and Cmd+S, and reports every change', () => {
    const onSave = vi.fn();
    const onChange = vi.fn();
    render(<NoteEditor value={value} onChange={onChange} onSave={onSave} onCancel={() => {}} saving={false} />);
    const area = screen.getByTestId('edit-note');
    fireEvent.input(area, { target: { value: '* one\n* two' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...value, note: '* one\n* two' });
    fireEvent.keyDown(area, { key: 's', ctrlKey: true });
    fireEvent.keyDown(area, { key: 'S', metaKey: true });
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('splits tags on commas and drops "#"', () => {
    const onChange = vi.fn();
    render(<NoteEditor value={value} onChange={onChange} onSave={() => {}} onCancel={() => {}} saving={false} />);
    fireEvent.input(screen.getByTestId('edit-tags'), { target: { value: '#llm, serving,, llm ' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...value, tags: ['llm', 'serving'] });
  });

  it('keeps the tags field as typed, key by key, while the edit gets the tags it names', () => {
    function Editing() {
      const [edit, setEdit] = useState(value);
      return <NoteEditor value={edit} onChange={setEdit} onSave={() => {}} onCancel={() => {}} saving={false} />;
    }
    render(<Editing />);
    const field = screen.getByTestId('edit-tags') as HTMLInputElement;
    let typed = '';
    for (const key of 'machine learning, serving') {
      typed += key;
      fireEvent.input(field, { target: { value: typed } });
      expect(field.value).toBe(typed);
    }
  });

  it('shows tags changed from outside (a merge) in the field', () => {
    const { rerender } = render(<NoteEditor value={value} onChange={() => {}} onSave={() => {}} onCancel={() => {}} saving={false} />);
    rerender(<NoteEditor value={{ ...value, tags: ['llm', 'serving'] }} onChange={() => {}} onSave={() => {}} onCancel={() => {}} saving={false} />);
    expect((screen.getByTestId('edit-tags') as HTMLInputElement).value).toBe('llm, serving');
  });

  it('offers merge or reload on a conflict, and says nothing was overwritten', () => {
    const onMerge = vi.fn();
    const onReload = vi.fn();
    render(
      <NoteEditor value={value} onChange={() => {}} onSave={() => {}} onCancel={() => {}} saving={false} conflict={{ savedAt: Date.now(), onMerge, onReload }} />,
    );
    expect(screen.getByTestId('conflict').textContent).toContain('Nothing was overwritten');
    fireEvent.click(screen.getByTestId('conflict-merge'));
    fireEvent.click(screen.getByTestId('conflict-reload'));
    expect(onMerge).toHaveBeenCalledOnce();
    expect(onReload).toHaveBeenCalledOnce();
  });

  it('gives the note its focus once “Merge with my edit” has answered the conflict', () => {
    const conflict = { savedAt: Date.now(), onMerge: () => {}, onReload: () => {} };
    const props = { value, onChange: () => {}, onSave: () => {}, onCancel: () => {}, saving: false };
    const { rerender } = render(<NoteEditor {...props} conflict={conflict} />);
    screen.getByTestId('conflict-merge').focus();
    rerender(<NoteEditor {...props} mergeWarning="Merged." />);
    expect(document.activeElement).toBe(screen.getByTestId('edit-note'));
  });

  it('takes a summary as long as a save keeps (2,000 characters), not a quarter of it', () => {
    render(<NoteEditor value={value} onChange={() => {}} onSave={() => {}} onCancel={() => {}} saving={false} />);
    expect((screen.getByTestId('edit-summary') as HTMLInputElement).maxLength).toBe(2000);
  });

  it('shows a live, sanitised preview', () => {
    render(<NoteEditor value={{ ...value, note: '**bold** <img src=x onerror=alert(1)>' }} onChange={() => {}} onSave={() => {}} onCancel={() => {}} saving={false} />);
    const preview = screen.getByLabelText('Preview');
    expect(preview.querySelector('strong')?.textContent).toBe('bold');
    expect(preview.innerHTML).not.toContain('onerror');
  });

  it('cancels at once, by the button or Escape, when nothing was changed', () => {
    const onCancel = vi.fn();
    render(<NoteEditor value={value} onChange={() => {}} onSave={() => {}} onCancel={onCancel} saving={false} />);
    fireEvent.click(screen.getByTestId('cancel'));
    fireEvent.keyDown(screen.getByTestId('edit-note'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(2);
  });

  it('asks before Cancel or Escape drops changes, on “Keep editing”, which gives the note its focus back', async () => {
    const onCancel = vi.fn();
    render(<NoteEditor value={value} changed onChange={() => {}} onSave={() => {}} onCancel={onCancel} saving={false} />);
    const area = screen.getByTestId('edit-note');
    fireEvent.click(screen.getByTestId('cancel'));
    expect(screen.getByTestId('cancel-confirm').textContent).toContain('Discard your unsaved changes');
    expect(document.activeElement).toBe(screen.getByTestId('cancel-keep'));
    fireEvent.click(screen.getByTestId('cancel-keep'));
    expect(screen.queryByTestId('cancel-confirm')).toBeNull();
    expect(document.activeElement).toBe(area);
    // Escape asks too, and Escape again keeps editing.
    fireEvent.keyDown(area, { key: 'Escape' });
    expect(screen.getByTestId('cancel-confirm')).toBeTruthy();
    fireEvent.keyDown(screen.getByTestId('cancel-keep'), { key: 'Escape' });
    expect(screen.queryByTestId('cancel-confirm')).toBeNull();
    expect(onCancel).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('cancel'));
    fireEvent.click(screen.getByTestId('cancel-discard'));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('leaves Escape to an input method that is composing', () => {
    const onCancel = vi.fn();
    render(<NoteEditor value={value} onChange={() => {}} onSave={() => {}} onCancel={onCancel} saving={false} />);
    fireEvent.keyDown(screen.getByTestId('edit-note'), { key: 'Escape', isComposing: true });
    expect(onCancel).not.toHaveBeenCalled();
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor, type EditValues } from '@/components/NoteEditor';

afterEach(cleanup);
const value: EditValues = { note: '* one', summary: '', tags: ['llm'] };

describe('NoteEditor', () => {
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
    fireEvent.change(screen.getByTestId('edit-tags'), { target: { value: '#llm, serving,, llm ' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...value, tags: ['llm', 'serving'] });
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

  it('shows a live, sanitised preview', () => {
    render(<NoteEditor value={{ ...value, note: '**bold** <img src=x onerror=alert(1)>' }} onChange={() => {}} onSave={() => {}} onCancel={() => {}} saving={false} />);
    const preview = screen.getByLabelText('Preview');
    expect(preview.querySelector('strong')?.textContent).toBe('bold');
    expect(preview.innerHTML).not.toContain('onerror');
  });
});

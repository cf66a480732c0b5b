import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotePageActions, type NotePage } from '@/components/NotePageActions';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const page: NotePage = { fileName: 'sarathi-serve.md', markdown: '# Sarathi-Serve\n' };
const makePage = async () => page;

describe('NotePageActions', () => {
  it('copies the page and says so, then the message goes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const copy = vi.fn(async () => {});
    render(<NotePageActions makePage={makePage} copy={copy} save={() => {}} />);
    fireEvent.click(screen.getByTestId('copy-markdown'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied as Markdown.'));
    expect(copy).toHaveBeenCalledWith(page.markdown);
    await vi.advanceTimersByTimeAsync(5000);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('saves the page under its file name', async () => {
    const save = vi.fn();
    render(<NotePageActions makePage={makePage} copy={async () => {}} save={save} />);
    fireEvent.click(screen.getByTestId('download-page'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saving sarathi-serve.md.'));
    expect(save).toHaveBeenCalledWith(page);
  });

  it('says why a copy failed, and keeps saying it until the next try', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const copy = vi.fn(() => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')));
    render(<NotePageActions makePage={makePage} copy={copy} save={() => {}} />);
    fireEvent.click(screen.getByTestId('copy-markdown'));
    expect((await screen.findByRole('alert')).textContent).toBe('Not copied: Document is not focused.');
    await vi.advanceTimersByTimeAsync(5000);
    expect(screen.getByRole('alert')).toBeTruthy();
    copy.mockResolvedValueOnce(undefined as never);
    fireEvent.click(screen.getByTestId('copy-markdown'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied as Markdown.'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes no second click while one is under way', async () => {
    let finish = () => {};
    const copy = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<NotePageActions makePage={makePage} copy={copy} save={() => {}} />);
    fireEvent.click(screen.getByTestId('copy-markdown'));
    await waitFor(() => expect((screen.getByTestId('download-page') as HTMLButtonElement).disabled).toBe(true));
    fireEvent.click(screen.getByTestId('copy-markdown'));
    finish();
    await waitFor(() => expect((screen.getByTestId('copy-markdown') as HTMLButtonElement).disabled).toBe(false));
    expect(copy).toHaveBeenCalledTimes(1);
  });

  it('asks for a reload when the page writer cannot be loaded', async () => {
    const copy = vi.fn(async () => {});
    const unreachable = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    render(<NotePageActions makePage={unreachable} copy={copy} save={() => {}} />);
    fireEvent.click(screen.getByTestId('download-page'));
    expect((await screen.findByRole('alert')).textContent).toBe('The page could not be written (Failed to fetch dynamically imported module). Reload the panel and try again.');
    expect(copy).not.toHaveBeenCalled();
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeleteNote } from '@/components/DeleteNote';

afterEach(cleanup);

describe('DeleteNote', () => {
  it('deletes only once the user confirms, and says the note can be restored', async () => {
    const onDelete = vi.fn(async () => {});
    render(<DeleteNote onDelete={onDelete} />);
    fireEvent.click(screen.getByTestId('delete-note'));
    expect(onDelete).not.toHaveBeenCalled();
    expect(screen.getByTestId('delete-confirm').textContent).toContain('can be restored');
    fireEvent.click(screen.getByTestId('delete-note-confirm'));
    expect(onDelete).toHaveBeenCalledTimes(1);
  });

  it('keeps the note when the user changes their mind', () => {
    const onDelete = vi.fn(async () => {});
    render(<DeleteNote onDelete={onDelete} />);
    fireEvent.click(screen.getByTestId('delete-note'));
    fireEvent.click(screen.getByTestId('delete-note-keep'));
    expect(screen.queryByTestId('delete-confirm')).toBeNull();
    expect(onDelete).not.toHaveBeenCalled();
  });

  it('puts focus on "Keep it", the first choice, as the question opens, and back on "Delete note…" after it', () => {
    render(<DeleteNote onDelete={async () => {}} />);
    fireEvent.click(screen.getByTestId('delete-note'));
    const keep = screen.getByTestId('delete-note-keep');
    expect(within(screen.getByTestId('delete-confirm')).getAllByRole('button')[0]).toBe(keep);
    expect(document.activeElement).toBe(keep);
    fireEvent.click(keep);
    expect(document.activeElement).toBe(screen.getByTestId('delete-note'));
  });

  it('says why when deleting fails', async () => {
    render(<DeleteNote onDelete={async () => Promise.reject(new Error('the database is closed'))} />);
    fireEvent.click(screen.getByTestId('delete-note'));
    fireEvent.click(screen.getByTestId('delete-note-confirm'));
    expect((await screen.findByRole('alert')).textContent).toBe('The note was not deleted: the database is closed');
  });
});

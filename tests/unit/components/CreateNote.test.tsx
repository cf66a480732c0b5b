// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreateNote } from '@/components/CreateNote';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('CreateNote', () => {
  it('takes the focus lost with a deleted note’s controls', () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    render(<CreateNote onCreate={async () => {}} />);
    expect(document.activeElement).toBe(screen.getByTestId('create-note'));
  });

  it('leaves the focus where the user has it, and takes none while the panel is not focused', () => {
    const search = document.body.appendChild(document.createElement('input'));
    search.focus();
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    render(<CreateNote onCreate={async () => {}} />);
    expect(document.activeElement).toBe(search);
    cleanup();
    search.remove();
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    render(<CreateNote onCreate={async () => {}} />);
    expect(document.activeElement).toBe(document.body);
  });
});

import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WaitingSelections } from '@/components/WaitingSelections';

afterEach(cleanup);

describe('WaitingSelections', () => {
  it('says what adds the selection, shows the last one as text, and discards', () => {
    const onDiscard = vi.fn();
    render(<WaitingSelections selections={['first', '<img src=x onerror=alert(1)> last']} addedBy="Confirm adds" onDiscard={onDiscard} />);
    const notice = screen.getByTestId('waiting-selections');
    expect(notice.textContent).toContain('Your 2 selections from this page are waiting: Confirm adds them to the note.');
    expect(notice.querySelector('blockquote')?.textContent).toBe('<img src=x onerror=alert(1)> last');
    expect(notice.querySelector('img')).toBeNull();
    expect(screen.queryByTestId('add-waiting')).toBeNull();
    fireEvent.click(screen.getByTestId('discard-waiting'));
    expect(onDiscard).toHaveBeenCalledOnce();
  });

  it('offers to add one selection to the note shown', () => {
    const onAdd = vi.fn();
    render(<WaitingSelections selections={['only']} onAdd={onAdd} onDiscard={() => {}} />);
    expect(screen.getByTestId('waiting-selections').textContent).toContain('Your selection from this page is waiting.');
    fireEvent.click(screen.getByTestId('add-waiting'));
    expect(onAdd).toHaveBeenCalledOnce();
  });
});

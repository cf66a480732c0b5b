import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuickAdd } from '@/components/QuickAdd';

afterEach(cleanup);

describe('QuickAdd', () => {
  it('adds on Enter and clears the input', async () => {
    const onAdd = vi.fn(async () => {});
    render(<QuickAdd onAdd={onAdd} />);
    const input = screen.getByTestId('quick-add') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'Stall-free batching' } });
    fireEvent.submit(input.form!);
    await waitFor(() => expect(input.value).toBe(''));
    expect(onAdd).toHaveBeenCalledWith('Stall-free batching');
  });

  it('keeps the text and says why when adding fails', async () => {
    render(<QuickAdd onAdd={async () => Promise.reject(new Error('the browser’s storage for extensions is full'))} />);
    const input = screen.getByTestId('quick-add') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'keep me' } });
    fireEvent.submit(input.form!);
    expect((await screen.findByRole('alert')).textContent).toContain('storage for extensions is full');
    expect(input.value).toBe('keep me');
  });

  it('keeps what is typed while the bullet before it is saved', async () => {
    let done!: () => void;
    const onAdd = vi.fn(() => new Promise<void>((resolve) => (done = resolve)));
    render(<QuickAdd onAdd={onAdd} />);
    const input = screen.getByTestId('quick-add') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'first' } });
    fireEvent.submit(input.form!);
    fireEvent.input(input, { target: { value: 'second, typed meanwhile' } });
    done();
    await waitFor(() => expect(onAdd).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r));
    expect(input.value).toBe('second, typed meanwhile');
  });

  it('sets no length limit that would cut a pasted line without a word', () => {
    render(<QuickAdd onAdd={async () => {}} />);
    expect(screen.getByTestId('quick-add').hasAttribute('maxlength')).toBe(false);
  });
});

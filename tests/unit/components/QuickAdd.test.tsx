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
});

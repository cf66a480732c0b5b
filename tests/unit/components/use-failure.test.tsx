// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { useFailure } from '@/components/use-failure';

describe('useFailure', () => {
  it('says why an action failed, and clears it when the next one starts', async () => {
    const { result } = renderHook(() => useFailure((message) => `Not done: ${message}.`));
    act(() => result.current[1](() => Promise.reject(new Error('the database is closed'))));
    await waitFor(() => expect(result.current[0]).toBe('Not done: the database is closed.'));
    act(() => result.current[1](() => Promise.resolve()));
    expect(result.current[0]).toBeUndefined();
  });
});

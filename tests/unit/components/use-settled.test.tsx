// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSettled } from '@/components/use-settled';

afterEach(() => vi.useRealTimers());

describe('useSettled', () => {
  it('follows a small value at once', () => {
    const { result, rerender } = renderHook(({ text }) => useSettled(text), { initialProps: { text: 'a' } });
    rerender({ text: 'ab' });
    expect(result.current).toBe('ab');
  });

  it('follows a large value once the changes pause, not on every change', () => {
    vi.useFakeTimers();
    const big = 'x'.repeat(20_000);
    const { result, rerender } = renderHook(({ text }) => useSettled(text), { initialProps: { text: big } });
    rerender({ text: `${big}1` });
    act(() => {
      vi.advanceTimersByTime(100);
    });
    rerender({ text: `${big}12` });
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(result.current).toBe(big);
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(result.current).toBe(`${big}12`);
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { TabList, tabPanel } from '@/components/TabList';

afterEach(cleanup);

type Key = 'a' | 'b' | 'c';
const TABS = [
  { key: 'a' as const, label: 'First' },
  { key: 'b' as const, label: 'Second' },
  { key: 'c' as const, label: 'Third' },
];

function Tabs() {
  const [selected, setSelected] = useState<Key>('a');
  return (
    <>
      <TabList id="t" label="Views" tabs={TABS} selected={selected} onSelect={setSelected} />
      <div {...tabPanel('t', selected)}>{selected}</div>
    </>
  );
}

const tab = (name: string) => screen.getByRole('tab', { name });

describe('TabList', () => {
  it('is one stop in the Tab order, the selected tab, which labels the panel', () => {
    render(<Tabs />);
    expect(screen.getByRole('tablist', { name: 'Views' })).toBeTruthy();
    expect(TABS.map((t) => tab(t.label).tabIndex)).toEqual([0, -1, -1]);
    expect(screen.getByRole('tabpanel', { name: 'First' }).textContent).toBe('a');
    expect(tab('First').getAttribute('aria-controls')).toBe('t-panel');
  });

  it('moves with the arrow keys (round the ends), Home and End, selecting and focusing each tab reached', () => {
    render(<Tabs />);
    tab('First').focus();
    const press = (key: string) => fireEvent.keyDown(document.activeElement!, { key });
    press('ArrowRight');
    expect(document.activeElement).toBe(tab('Second'));
    expect(tab('Second').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toBe('b');
    press('End');
    expect(document.activeElement).toBe(tab('Third'));
    press('ArrowRight');
    expect(document.activeElement).toBe(tab('First'));
    press('ArrowLeft');
    expect(document.activeElement).toBe(tab('Third'));
    press('Home');
    expect(document.activeElement).toBe(tab('First'));
    expect(TABS.map((t) => tab(t.label).tabIndex)).toEqual([0, -1, -1]);
    // Other keys are the page's.
    press('ArrowDown');
    expect(document.activeElement).toBe(tab('First'));
  });
});

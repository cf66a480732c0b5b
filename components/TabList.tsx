import { useRef } from 'preact/hooks';

export interface Tab<K extends string> {
  key: K;
  label: string;
  testId?: string;
}

export interface TabListProps<K extends string> {
  /** Prefix of the tabs' and their panel's ids. */
  id: string;
  label: string;
  tabs: Tab<K>[];
  selected: K;
  onSelect: (key: K) => void;
}

/**
 * Tabs as the WAI-ARIA pattern has them: one stop in the Tab order (the selected tab), arrow keys,
 * Home and End to move between them, each selected as it is reached. The content they switch goes
 * in an element with `tabPanel`'s attributes.
 */
export function TabList<K extends string>({ id, label, tabs, selected, onSelect }: TabListProps<K>) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((tab) => tab.key === selected);
    const last = tabs.length - 1;
    const next = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onSelect(tabs[next]!.key);
    list.current?.querySelectorAll<HTMLElement>('[role=tab]')[next]?.focus();
  };
  return (
    <div class="tablist" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.key}
          type="button"
          role="tab"
          id={`${id}-tab-${tab.key}`}
          aria-controls={`${id}-panel`}
          aria-selected={tab.key === selected}
          tabIndex={tab.key === selected ? 0 : -1}
          onClick={() => onSelect(tab.key)}
          data-testid={tab.testId}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** The attributes of the element a `TabList` switches. */
export const tabPanel = (id: string, selected: string) => ({ role: 'tabpanel' as const, id: `${id}-panel`, 'aria-labelledby': `${id}-tab-${selected}` });

import type { ComponentChildren } from 'preact';

export interface ViewTab<K extends string> {
  key: K;
  label: string;
}

interface Props<K extends string> {
  tabs: ViewTab<K>[];
  current: K;
  onSelect: (key: K) => void;
  children: ComponentChildren;
}

/** An ARIA tab list: arrow keys, Home and End move between views. */
export function ViewTabs<K extends string>({ tabs, current, onSelect, children }: Props<K>) {
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.key === current);
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = moves[event.key];
    const tab = next === undefined ? undefined : tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.key);
    document.getElementById(`tab-${tab.key}`)?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            id={`tab-${tab.key}`}
            type="button"
            role="tab"
            aria-selected={tab.key === current}
            aria-controls={`panel-${tab.key}`}
            tabIndex={tab.key === current ? 0 : -1}
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <section
        class="panel"
        id={`panel-${current}`}
        role="tabpanel"
        aria-labelledby={`tab-${current}`}
        tabIndex={0}
      >
        {children}
      </section>
    </>
  );
}

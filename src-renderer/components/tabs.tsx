/**
 * Accessible tabs: a tablist with roving focus (arrow keys, Home, End) and one tabpanel.
 */
import { useId, useRef, type ReactNode } from 'react';
import './tabs.css';

interface TabSpec {
  id: string;
  label: string;
}

interface TabsProps {
  label: string;
  tabs: readonly TabSpec[];
  selected: string;
  onSelect: (id: string) => void;
  children: ReactNode;
}

export function Tabs({ label, tabs, selected, onSelect, children }: TabsProps) {
  const base = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const focusTab = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.id);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-tab-id="${tab.id}"]`)?.focus();
  };
  return (
    <div className="tabs">
      <div
        role="tablist"
        aria-label={label}
        className="tabs__list"
        ref={listRef}
        onKeyDown={(e) => {
          const index = tabs.findIndex((t) => t.id === selected);
          if (e.key === 'ArrowRight') focusTab(index + 1);
          else if (e.key === 'ArrowLeft') focusTab(index - 1);
          else if (e.key === 'Home') focusTab(0);
          else if (e.key === 'End') focusTab(tabs.length - 1);
          else return;
          e.preventDefault();
        }}
      >
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            data-tab-id={tab.id}
            aria-selected={tab.id === selected}
            aria-controls={`${base}-panel`}
            tabIndex={tab.id === selected ? 0 : -1}
            className="tabs__tab"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${base}-panel`}
        aria-labelledby={`${base}-tab-${selected}`}
        className="tabs__panel"
        tabIndex={0}
      >
        {children}
      </div>
    </div>
  );
}

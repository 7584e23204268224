/**
 * The command palette (Ctrl/Cmd+K): a combobox over every screen and action.
 */
import { useId, useState } from 'react';
import { Dialog } from '../../components/dialog';
import { filterCommands } from './commands';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { useCommands } from './use-commands';

function Palette({ onClose }: { onClose: () => void }) {
  const commands = useCommands();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = filterCommands(commands, query);
  const current = Math.min(active, Math.max(0, matches.length - 1));
  const run = (index: number) => {
    const command = matches[index];
    if (!command) return;
    onClose();
    command.run();
  };
  return (
    <Dialog title="Command palette" onClose={onClose} className="dialog--palette" testId="command-palette">
      <label className="field__label" htmlFor={`${listId}-input`}>
        Type a command or screen
      </label>
      <input
        id={`${listId}-input`}
        className="input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={matches.length ? `${listId}-${current}` : undefined}
        data-autofocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((current + 1) % Math.max(1, matches.length));
          else if (e.key === 'ArrowUp')
            setActive((current - 1 + matches.length) % Math.max(1, matches.length));
          else if (e.key === 'Enter') run(current);
          else return;
          e.preventDefault();
        }}
      />
      <ul id={listId} role="listbox" aria-label="Commands" className="palette__list">
        {matches.map((c, i) => (
          <li
            key={c.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === current}
            className={`palette__item ${i === current ? 'palette__item--active' : ''}`}
            onMouseMove={() => setActive(i)}
            onClick={() => run(i)}
          >
            <span className="palette__group">{c.group}</span>
            <span className="palette__label">{c.label}</span>
            {c.shortcut ? <kbd className="kbd">{c.shortcut}</kbd> : null}
          </li>
        ))}
        {matches.length === 0 ? <li className="palette__empty">No command matches “{query}”.</li> : null}
      </ul>
    </Dialog>
  );
}

export function CommandPalette() {
  const open = useAppStore((s) => s.paletteOpen);
  const store = useAppStoreApi();
  return open ? <Palette onClose={() => store.getState().setPaletteOpen(false)} /> : null;
}

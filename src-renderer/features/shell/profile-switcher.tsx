/**
 * The header's profile switcher: always shows the active profile's colour and key type, and opens
 * a listbox of every profile (arrow keys, Enter, Escape).
 */
import { useId, useRef, useState } from 'react';
import { ColourDot, KeyTypeBadge } from '../../components/badges';
import { useAppStoreApi, useAppStoreShallow } from '../../state/context';
import './profile-switcher.css';

export function ProfileSwitcher() {
  const store = useAppStoreApi();
  const { loaded, activeId, status } = useAppStoreShallow((s) => ({
    loaded: s.profiles.value,
    activeId: s.activeProfileId,
    status: s.profiles.status,
  }));
  const profiles = loaded ?? [];
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const active = profiles.find((p) => p.id === activeId) ?? null;

  if (profiles.length === 0) {
    return (
      <button
        type="button"
        className="button button--secondary"
        onClick={() => store.getState().navigate({ screen: 'profiles' })}
      >
        {status === 'loading' ? 'Loading profiles…' : 'Add a profile'}
      </button>
    );
  }

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };
  const choose = (index: number) => {
    const p = profiles[index];
    if (p) void store.getState().setActiveProfile(p.id);
    close(true);
  };
  const openList = () => {
    setHighlight(
      Math.max(
        0,
        profiles.findIndex((p) => p.id === activeId),
      ),
    );
    setOpen(true);
  };

  return (
    <div className="switcher">
      <span className="visually-hidden" id={`${listId}-label`}>
        Profile
      </span>
      <button
        ref={buttonRef}
        type="button"
        className="switcher__button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-labelledby={`${listId}-label ${listId}-value`}
        data-testid="profile-switcher"
        onClick={() => (open ? close(false) : openList())}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            openList();
          }
        }}
      >
        <span id={`${listId}-value`} className="switcher__value">
          {active ? (
            <>
              <ColourDot colour={active.colour} />
              <span className="switcher__name" data-testid="active-profile-name">
                {active.name}
              </span>
              <KeyTypeBadge keyType={active.keyType} title={active.keyTypeLabel} />
            </>
          ) : (
            'Choose a profile'
          )}
        </span>
        <span aria-hidden="true" className="switcher__chevron">
          ▾
        </span>
      </button>
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Profiles"
          tabIndex={-1}
          className="switcher__list"
          aria-activedescendant={`${listId}-opt-${highlight}`}
          ref={(el) => el?.focus()}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget) && e.relatedTarget !== buttonRef.current)
              close(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setHighlight((highlight + 1) % profiles.length);
            else if (e.key === 'ArrowUp') setHighlight((highlight - 1 + profiles.length) % profiles.length);
            else if (e.key === 'Home') setHighlight(0);
            else if (e.key === 'End') setHighlight(profiles.length - 1);
            else if (e.key === 'Enter' || e.key === ' ') choose(highlight);
            else if (e.key === 'Escape') close(true);
            else if (e.key === 'Tab') close(false);
            else return;
            if (e.key !== 'Tab') e.preventDefault();
            e.stopPropagation();
          }}
        >
          {profiles.map((p, i) => (
            <li
              key={p.id}
              id={`${listId}-opt-${i}`}
              role="option"
              aria-selected={p.id === activeId}
              className={`switcher__option ${i === highlight ? 'switcher__option--highlight' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
              onMouseMove={() => setHighlight(i)}
            >
              <ColourDot colour={p.colour} />
              <span className="switcher__name">{p.name}</span>
              <KeyTypeBadge keyType={p.keyType} title={p.keyTypeLabel} />
              {p.needsKey ? <span className="muted small">no key</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The keyboard shortcuts help (`?`).
 */
import { Dialog } from '../../components/dialog';
import { SHORTCUT_HELP } from './shortcuts';
import { useAppStore, useAppStoreApi } from '../../state/context';

export function ShortcutsDialog() {
  const open = useAppStore((s) => s.shortcutsOpen);
  const store = useAppStoreApi();
  if (!open) return null;
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={() => store.getState().setShortcutsOpen(false)}
      testId="shortcuts-dialog"
    >
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUT_HELP.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd className="kbd">{s.keys}</kbd>
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Sequences like “g t” are typed one key after the other, outside text fields.</p>
    </Dialog>
  );
}

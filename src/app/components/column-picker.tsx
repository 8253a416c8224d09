// Column show/hide: a disclosure with one checkbox per column.
import { useEffect, useRef } from 'react';

interface Props {
  columns: { id: string; visible: boolean; toggle: (visible: boolean) => void }[];
  visibleCount: number;
  onShowAll: () => void;
  onReset: () => void;
}

export function ColumnPicker({ columns, visibleCount, onShowAll, onReset }: Props) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && ref.current?.open) {
        ref.current.open = false;
        ref.current.querySelector('summary')?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, []);
  return (
    <details className="column-picker" ref={ref}>
      <summary>
        Columns ({visibleCount} of {columns.length})
      </summary>
      <div className="popover" role="group" aria-label="Shown columns">
        <div className="popover-actions">
          <button type="button" onClick={onShowAll}>
            Show all
          </button>
          <button type="button" onClick={onReset}>
            Default
          </button>
        </div>
        <ul>
          {columns.map((c) => (
            <li key={c.id}>
              <label>
                <input
                  type="checkbox"
                  checked={c.visible}
                  disabled={c.visible && visibleCount === 1}
                  onChange={(e) => c.toggle(e.target.checked)}
                />{' '}
                {c.id}
              </label>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

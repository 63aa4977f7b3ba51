import { Button } from 'antd';

export interface RangeButtonsProps<K extends string> {
  kinds: readonly K[];
  chosen: K;
  onChoose: (kind: K) => void;
  /** The group's accessible name. */
  label: string;
  /** A range's name and the shortcut that picks it, shown as `name (key)`. */
  nameOf: (kind: K) => string;
  keyOf: (kind: K) => string;
  testIdPrefix: string;
}

/** The row of range buttons of the statistics and placement panels: one pressed, each with its shortcut. */
export function RangeButtons<K extends string>({ kinds, chosen, onChoose, label, nameOf, keyOf, testIdPrefix }: RangeButtonsProps<K>): React.JSX.Element {
  return (
    <div role="group" aria-label={label} className="stats-windows">
      {kinds.map((kind) => (
        <Button
          key={kind}
          size="small"
          type={kind === chosen ? 'primary' : 'default'}
          aria-pressed={kind === chosen}
          onClick={() => {
            onChoose(kind);
          }}
          data-testid={`${testIdPrefix}${kind}`}
        >
          {nameOf(kind)} ({keyOf(kind)})
        </Button>
      ))}
    </div>
  );
}

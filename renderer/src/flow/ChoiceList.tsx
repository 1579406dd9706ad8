/** One card of a ChoiceList. */
export interface Choice {
  /** Stable among the choices (the list key). */
  id: string;
  /** The card's test id. */
  testId: string;
  /** An SVG path on a 48×48 grid, drawn as a line icon. */
  icon: string;
  /** What it is called. */
  name: string;
  /** A line under the name, when there is one. */
  description?: string | undefined;
  /** What tapping the card does. */
  onChoose: () => void;
}

/** The things a citizen can choose from, one large card each: icon, name, a line, and "›". */
export function ChoiceList({ choices }: { choices: readonly Choice[] }) {
  return (
    <ul className="choices">
      {choices.map(({ id, testId, icon, name, description, onChoose }) => (
        <li key={id}>
          <button type="button" className="choice" data-testid={testId} onClick={onChoose}>
            <svg className="choice__icon" viewBox="0 0 48 48" aria-hidden="true">
              <path d={icon} />
            </svg>
            <span className="choice__text">
              <span className="choice__name">{name}</span>
              {description !== undefined && (
                <span className="choice__description">{description}</span>
              )}
            </span>
            <span className="choice__go" aria-hidden="true">
              ›
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

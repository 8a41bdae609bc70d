/**
 * The object of an action for screen readers only, after the visible label ("Write review",
 * "Record decision"): the accessible name starts with the words one sees, as speech control and
 * WCAG 2.5.3 (label in name) expect, and still says which practice the button is about.
 */
export function NamedObject({ name }: { name?: string | null }) {
  if (!name) return null;
  return <span className="visually-hidden"> ({name})</span>;
}

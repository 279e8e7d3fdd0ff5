/** A keyboard shortcut as shown next to the control it triggers ("Ctrl+Enter"). */
export function Kbd({ keys }: { keys: string }) {
  return (
    <kbd className="kbd" aria-hidden="true">
      {keys}
    </kbd>
  );
}

// Small line icons drawn as SVG, so they look the same on every desk: emoji and symbol glyphs depend on
// the fonts installed (a Linux desk without an emoji font shows empty boxes). Always beside a text label.

export type IconName = 'warning' | 'clock' | 'check' | 'cross' | 'alert' | 'lock' | 'face-happy' | 'face-neutral' | 'face-sad';

const PATHS: Record<IconName, string> = {
  warning: 'M12 3 L22 20 H2 Z M12 9 V14 M12 17 V17.5',
  clock: 'M12 3 A9 9 0 1 1 11.99 3 Z M12 7 V12 L15.5 14',
  check: 'M4 12.5 L9.5 18 L20 6',
  cross: 'M6 6 L18 18 M18 6 L6 18',
  alert: 'M12 3 A9 9 0 1 1 11.99 3 Z M12 7.5 V13 M12 16.5 V17',
  lock: 'M6 11 H18 V21 H6 Z M8.5 11 V8 A3.5 3.5 0 0 1 15.5 8 V11',
  'face-happy': 'M12 2.5 A9.5 9.5 0 1 1 11.99 2.5 Z M8.5 9.5 V10 M15.5 9.5 V10 M7.5 14 Q12 19 16.5 14',
  'face-neutral': 'M12 2.5 A9.5 9.5 0 1 1 11.99 2.5 Z M8.5 9.5 V10 M15.5 9.5 V10 M8 15.5 H16',
  'face-sad': 'M12 2.5 A9.5 9.5 0 1 1 11.99 2.5 Z M8.5 9.5 V10 M15.5 9.5 V10 M7.5 17 Q12 12.5 16.5 17',
};

export function Icon({ name, size = '1em', className }: { name: IconName; size?: string; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

// Tiny inline icons (instead of bootstrap-italia's large sprite). Decorative: hidden from assistive technology.

/** A public building: the generic emblem of a public administration. */
export function PaIcon(props: { size?: number }) {
  const size = props.size ?? 48;
  return (
    <svg class="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 2 2 7v2h20V7zM4 11v7h3v-7zm6.5 0v7h3v-7zm6.5 0v7h3v-7zM2 20v2h20v-2z" />
    </svg>
  );
}

/** A five-pointed star, outlined; the feedback widget's CSS fills the chosen ones. */
export function StarIcon() {
  return (
    <svg class="icon" width="32" height="32" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 2.6l2.9 6 6.6.8-4.9 4.6 1.3 6.5L12 17.3l-5.9 3.2 1.3-6.5-4.9-4.6 6.6-.8z" />
    </svg>
  );
}

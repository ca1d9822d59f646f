/** The Portcullis mark: a gate grille. Decorative; pair it with the product name in text. */
export function LogoMark({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="28" height="28" rx="7" className="fill-brand-600" />
      <path d="M8 9h16M8 15h16M8 21h16M11 7v19M16 7v19M21 7v19" stroke="white" strokeWidth="2" strokeLinecap="round" />
      <path d="M9 26l2-2 2 2 3-2 3 2 2-2 2 2" stroke="white" strokeWidth="1.6" fill="none" strokeLinejoin="round" />
    </svg>
  );
}

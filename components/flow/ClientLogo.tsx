/**
 * The logo of the OAuth2 client a hosted page signs in for (its registered `logo_uri`), in a fixed box so nothing
 * moves while it loads. The client's server never learns which page showed it (no referrer).
 */
export function ClientLogo({ src, alt }: { src: string; alt: string }) {
  return (
    <div className="mb-5 flex h-10 justify-center">
      {/* A client's own https URL, not an asset Next can optimise. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={src} alt={alt} height={40} referrerPolicy="no-referrer" className="h-10 w-auto max-w-[160px] rounded-(--pc-radius) object-contain" />
    </div>
  );
}

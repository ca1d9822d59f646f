"use client";

import { useEffect, useState } from "react";

export interface RevealLabels {
  show: string;
  hide: string;
  showLabel: string;
  hideLabel: string;
}

/**
 * "Show password" for the password field it follows: switches the input's type; the button's name says what it will do.
 * Rendered only once scripts run (without them the button could do nothing). The strings arrive translated from the
 * server component: the hosted pages ship no message catalogue.
 */
export function RevealPassword({ targetId, labels }: { targetId: string; labels: RevealLabels }) {
  const [ready, setReady] = useState(false);
  const [shown, setShown] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  const toggle = () => {
    const input = document.getElementById(targetId);
    if (!(input instanceof HTMLInputElement)) return;
    input.type = shown ? "password" : "text";
    setShown(!shown);
  };
  return (
    <button
      type="button"
      onClick={toggle}
      aria-label={shown ? labels.hideLabel : labels.showLabel}
      aria-controls={targetId}
      className="absolute inset-y-0 right-0 flex items-center rounded-r-(--pc-radius) px-3 text-xs font-medium text-(--pc-text) underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-(--pc-primary)"
    >
      {shown ? labels.hide : labels.show}
    </button>
  );
}

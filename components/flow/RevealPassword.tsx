"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

/**
 * "Show password" for the password field it follows: switches the input's type; the button's name says what it will do.
 * Rendered only once scripts run (without them the button could do nothing).
 */
export function RevealPassword({ targetId }: { targetId: string }) {
  const t = useTranslations("hosted");
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
      aria-label={shown ? t("password.hideLabel") : t("password.showLabel")}
      aria-controls={targetId}
      className="absolute inset-y-0 right-0 flex items-center rounded-r-(--pc-radius) px-3 text-xs font-medium text-(--pc-text) underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-(--pc-primary)"
    >
      {shown ? t("password.hide") : t("password.show")}
    </button>
  );
}

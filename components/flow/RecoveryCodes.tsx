"use client";

import { useState } from "react";
import { flowStyles } from "./styles";

/**
 * Recovery codes as a grid, with Copy and Download (a .txt) for the ones shown this once. Without JavaScript the
 * codes are still there to write down; the buttons then do nothing.
 */
export interface RecoveryCodeLabels {
  copy: string;
  copied: string;
  download: string;
  fileName: string;
  /** The file's first line, with "{host}" where the page's host goes. */
  fileHeading: string;
}

/** The strings arrive translated from the server component: the hosted pages ship no message catalogue. */
export function RecoveryCodes({ id, label, codes, savable, labels }: { id: string; label?: string; codes: string[]; savable: boolean; labels: RecoveryCodeLabels }) {
  const [copied, setCopied] = useState(false);
  const listId = `${id}-list`;
  const plain = codes.join("\n");
  const copy = async () => {
    await navigator.clipboard.writeText(plain);
    setCopied(true);
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${labels.fileHeading.replace("{host}", window.location.host)}\n\n${plain}\n`], { type: "text/plain;charset=utf-8" }));
    const anchor = Object.assign(document.createElement("a"), { href: url, download: labels.fileName });
    anchor.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div id={id} className="space-y-3 text-sm text-(--pc-text)">
      {label ? <p className="font-medium" id={`${id}-label`}>{label}</p> : null}
      <ul id={listId} aria-labelledby={label ? `${id}-label` : undefined} className="grid grid-cols-2 gap-1.5 font-mono sm:grid-cols-3" data-testid="recovery-codes">
        {codes.map((code, index) => (
          <li key={`${index}-${code}`} className="rounded-(--pc-radius) bg-(--pc-input-bg) px-2 py-1 text-center">
            {code}
          </li>
        ))}
      </ul>
      {savable ? (
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={copy} className={`${flowStyles.secondaryButton} sm:w-auto`} aria-controls={listId} data-testid="recovery-codes-copy">
            {copied ? labels.copied : labels.copy}
          </button>
          <button type="button" onClick={download} className={`${flowStyles.secondaryButton} sm:w-auto`} data-testid="recovery-codes-download">
            {labels.download}
          </button>
          <span role="status" className="sr-only">{copied ? labels.copied : ""}</span>
        </div>
      ) : null}
    </div>
  );
}

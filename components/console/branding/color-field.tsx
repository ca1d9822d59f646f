"use client";

import { useState } from "react";
import { HEX_COLOR, normalizeHex } from "@/lib/branding/color";

/** A colour as picker and hex text, kept in step; only valid hex values reach `onChange`. */
export function ColorField({ name, label, value, error, onChange }: { name: string; label: string; value: string; error?: string; onChange: (hex: string) => void }) {
  const [text, setText] = useState(value);
  const id = `branding-${name.replace(".", "-")}`;
  const shown = HEX_COLOR.test(text) && normalizeHex(text) === value ? text : value;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={label}
          value={value}
          onChange={(event) => {
            setText(event.target.value);
            onChange(event.target.value);
          }}
          className="h-10 w-12 shrink-0 cursor-pointer rounded-md border border-slate-300 bg-white p-1 dark:border-slate-600 dark:bg-slate-900"
        />
        <input
          id={id}
          name={name}
          value={text === shown ? shown : text}
          onChange={(event) => {
            setText(event.target.value);
            if (HEX_COLOR.test(event.target.value.trim())) onChange(normalizeHex(event.target.value.trim()));
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          spellCheck={false}
          maxLength={7}
          className="h-10 w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 font-mono text-sm aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900"
        />
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

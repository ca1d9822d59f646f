"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { corsOriginProblem } from "@/lib/oauth2/clients/origin-rules";

/**
 * `allowed_cors_origins` as an editable list: one input per origin (submitted as repeated fields), remove
 * buttons, and "add" which focuses the new row. After a refused save, the rows the API's rule refuses are marked.
 */
export function OriginListField({ initial, error }: { initial: string[]; error?: string }) {
  const t = useTranslations("oauth2Console.edit.cors");
  const [rows, setRows] = useState(() => initial.map((value, index) => ({ id: index, value })));
  const nextId = useRef(initial.length);
  const list = useRef<HTMLUListElement>(null);
  const errorId = error ? "edit-allowed_cors_origins-error" : undefined;

  const add = () => {
    const id = nextId.current++;
    setRows((current) => [...current, { id, value: "" }]);
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>(`[data-row="${id}"]`)?.focus());
  };
  const remove = (id: number) => setRows((current) => current.filter((row) => row.id !== id));
  const change = (id: number, value: string) => setRows((current) => current.map((row) => (row.id === id ? { ...row, value } : row)));

  return (
    <fieldset aria-describedby={[errorId, "edit-allowed_cors_origins-hint"].filter(Boolean).join(" ")} className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">{t("label")}</legend>
      <p id="edit-allowed_cors_origins-hint" className="text-xs text-slate-600 dark:text-slate-400">{t("hint")}</p>
      {rows.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p> : null}
      <ul ref={list} className="space-y-2" data-testid="cors-origins">
        {rows.map((row, index) => {
          const invalid = Boolean(error) && row.value.trim() !== "" && Boolean(corsOriginProblem(row.value.trim()));
          return (
            <li key={row.id} className="flex items-center gap-2">
              <Input
                name="allowed_cors_origins"
                data-row={row.id}
                value={row.value}
                onChange={(event) => change(row.id, event.target.value)}
                aria-label={t("origin", { number: index + 1 })}
                aria-invalid={invalid ? true : undefined}
                aria-describedby={invalid ? errorId : undefined}
                placeholder="https://app.example.com"
                inputMode="url"
                autoComplete="off"
                spellCheck={false}
                className="font-mono"
              />
              <Button variant="ghost" size="sm" onClick={() => remove(row.id)} aria-label={t("remove", { origin: row.value.trim() || t("origin", { number: index + 1 }) })}>
                {t("removeShort")}
              </Button>
            </li>
          );
        })}
      </ul>
      {error ? <p id={errorId} className="text-sm font-medium text-red-700 dark:text-red-400">{error}</p> : null}
      <Button variant="secondary" size="sm" onClick={add}>{t("add")}</Button>
    </fieldset>
  );
}

"use client";

import { useEffect, type RefObject } from "react";

/** After a submission with errors, moves focus to the first invalid control so its error is read out. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, submittedAt: number | undefined, hasErrors: boolean): void {
  useEffect(() => {
    if (!submittedAt || !hasErrors) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [form, submittedAt, hasErrors]);
}

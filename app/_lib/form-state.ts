import type { ZodError } from "zod";

/**
 * What a form's server action returns: error message KEYS (translated by the form under the `errors`
 * namespace), the submitted values to refill the form, and an optional success payload.
 */
export interface FormState<Result = undefined> {
  fieldErrors?: Record<string, string>;
  formError?: string;
  values?: Record<string, string>;
  result?: Result;
  /** Changes on every submission so clients can react to repeated identical results. */
  submittedAt?: number;
}

/** The first issue per top-level field, as an i18n key (schemas use keys as their messages). */
export function fieldErrorsFrom(error: ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
  }
  return errors;
}

/** Plain string values of a form submission (files and secrets left out by the caller's choice of keys). */
export function formValues(form: FormData, keys: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of keys) {
    const value = form.get(key);
    values[key] = typeof value === "string" ? value : "";
  }
  return values;
}

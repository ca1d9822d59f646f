"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { FormState } from "@/app/_lib/form-state";
import type { RelationshipWritten } from "@/app/console/projects/[projectId]/permissions/relationship-actions";

type Action = (state: FormState<RelationshipWritten>, form: FormData) => Promise<FormState<RelationshipWritten>>;

interface Props {
  action: Action;
  namespaces: string[];
  /** Stored relations per namespace (suggested for the relation). */
  relations: Record<string, string[]>;
  /** Relations and permissions per namespace (suggested for a subject set's relation). */
  usersets: Record<string, string[]>;
}

/**
 * Adds one relationship: namespace, object, relation and a subject id or a subject set, with the model's names as pickers.
 * Controls are uncontrolled with the submitted values as defaults: React resets a form after its action (and a
 * select only takes its default when mounted, hence its key).
 */
export function RelationshipForm({ action, namespaces, relations, usersets }: Props) {
  const t = useTranslations("permissions.write");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  const values = state.values ?? {};
  const [namespace, setNamespace] = useState(values.namespace || namespaces.find((n) => relations[n]?.length) || namespaces[0] || "");
  const [kind, setKind] = useState<"id" | "set">(values.subjectKind === "set" ? "set" : "id");
  const [subjectNamespace, setSubjectNamespace] = useState(values.subjectNamespace || namespaces[0] || "");
  const errors = state.fieldErrors ?? {};
  useFocusFirstError(form, state.submittedAt, Object.keys(errors).length > 0);
  const error = (key: string) => (errors[key] ? te(errors[key]) : undefined);
  const formError = state.formError === "rejected" ? t("rejected", { reason: values.reason ?? "" }) : state.formError ? te(state.formError) : undefined;

  return (
    <form ref={form} action={formAction} noValidate className="space-y-4" data-testid="relationship-form">
      <FormError message={formError} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="namespace" idPrefix="rel" label={t("namespace")} error={error("namespace")}>
          {(control) => (
            <Select key={state.submittedAt} {...control} defaultValue={values.namespace || namespace} onChange={(e) => setNamespace(e.target.value)}>
              {namespaces.map((n) => <option key={n} value={n}>{n}</option>)}
            </Select>
          )}
        </Field>
        <Field name="object" idPrefix="rel" label={t("object")} error={error("object")}>
          {(control) => <Input {...control} required defaultValue={values.object} placeholder="readme" className="font-mono" />}
        </Field>
        <Field name="relation" idPrefix="rel" label={t("relation")} hint={t("relationHint")} error={error("relation")}>
          {(control) => (
            <>
              <Input {...control} required defaultValue={values.relation} list="rel-relation-options" autoComplete="off" />
              <datalist id="rel-relation-options">{(relations[namespace] ?? []).map((r) => <option key={r} value={r} />)}</datalist>
            </>
          )}
        </Field>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">{t("subject")}</legend>
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          {(["id", "set"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="subjectKind" value={value} defaultChecked={kind === value} onChange={() => setKind(value)} className="h-4 w-4 accent-brand-600" />
              {value === "id" ? t("subjectIdOption") : t("subjectSetOption")}
            </label>
          ))}
        </div>
        {kind === "id" ? (
          <div className="max-w-md">
            <Field name="subjectId" idPrefix="rel" label={t("subjectId")} hint={t("subjectIdHint")} error={error("subjectId")}>
              {(control) => <Input {...control} required defaultValue={values.subjectId} placeholder="alice" className="font-mono" />}
            </Field>
          </div>
        ) : (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field name="subjectNamespace" idPrefix="rel" label={t("subjectNamespace")} error={error("subjectNamespace")}>
              {(control) => (
                <Select key={state.submittedAt} {...control} defaultValue={values.subjectNamespace || subjectNamespace} onChange={(e) => setSubjectNamespace(e.target.value)}>
                  {namespaces.map((n) => <option key={n} value={n}>{n}</option>)}
                </Select>
              )}
            </Field>
            <Field name="subjectObject" idPrefix="rel" label={t("subjectObject")} error={error("subjectObject")}>
              {(control) => <Input {...control} required defaultValue={values.subjectObject} className="font-mono" />}
            </Field>
            <Field name="subjectRelation" idPrefix="rel" label={t("subjectRelation")} hint={t("subjectRelationHint")} error={error("subjectRelation")}>
              {(control) => (
                <>
                  <Input {...control} defaultValue={values.subjectRelation} list="rel-subject-relation-options" autoComplete="off" />
                  <datalist id="rel-subject-relation-options">{(usersets[subjectNamespace] ?? []).map((r) => <option key={r} value={r} />)}</datalist>
                </>
              )}
            </Field>
          </div>
        )}
      </fieldset>
      <SubmitButton pendingLabel={t("adding")}>{t("submit")}</SubmitButton>
      {state.result && !state.formError ? (
        <p role="status" className="text-sm text-green-700 dark:text-green-400" data-testid="relationship-added">
          {t("added", { tuple: state.result.tuple })}
        </p>
      ) : null}
    </form>
  );
}

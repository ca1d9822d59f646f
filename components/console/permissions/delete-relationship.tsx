"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/app/_lib/form-state";
import type { RelationshipWritten } from "@/app/console/projects/[projectId]/permissions/relationship-actions";
import type { RelationTuple } from "@/lib/permissions/tuples";
import { formatTuple } from "@/lib/permissions/tuples";

type Action = (state: FormState<RelationshipWritten>, form: FormData) => Promise<FormState<RelationshipWritten>>;

/** Deletes one stored relationship (a row of the list); the action is audited like the API's deletes. */
export function DeleteRelationship({ action, tuple }: { action: Action; tuple: RelationTuple }) {
  const t = useTranslations("permissions.write");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, {});
  const s = tuple.subject;
  const error = state.formError === "rejected" ? t("rejected", { reason: state.values?.reason ?? "" }) : state.formError ? te(state.formError) : undefined;
  return (
    <form action={formAction}>
      <input type="hidden" name="namespace" value={tuple.namespace} />
      <input type="hidden" name="object" value={tuple.object} />
      <input type="hidden" name="relation" value={tuple.relation} />
      <input type="hidden" name="subjectKind" value={s.type} />
      {s.type === "id" ? (
        <input type="hidden" name="subjectId" value={s.id} />
      ) : (
        <>
          <input type="hidden" name="subjectNamespace" value={s.namespace} />
          <input type="hidden" name="subjectObject" value={s.object} />
          <input type="hidden" name="subjectRelation" value={s.relation} />
        </>
      )}
      <SubmitButton variant="danger" size="sm" aria-label={t("deleteLabel", { tuple: formatTuple(tuple) })} pendingLabel={t("deleting")}>
        {t("delete")}
      </SubmitButton>
      {error ? <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">{error}</p> : null}
    </form>
  );
}

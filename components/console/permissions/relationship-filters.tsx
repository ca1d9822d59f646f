import { getTranslations } from "next-intl/server";
import { Input, Select } from "@/components/ui/input";

/** A plain GET form (works without scripts): filters for the relationship browser. */
export async function RelationshipFilters({ namespaces, values }: { namespaces: string[]; values: Record<string, string | undefined> }) {
  const t = await getTranslations("permissions.tuples");
  const field = "flex flex-col gap-1 text-sm";
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-5 sm:items-end">
      <label className={field}>
        {t("namespace")}
        <Select name="namespace" defaultValue={values.namespace ?? ""}>
          <option value="">{t("any")}</option>
          {namespaces.map((n) => <option key={n} value={n}>{n}</option>)}
        </Select>
      </label>
      <label className={field}>{t("object")}<Input name="object" defaultValue={values.object} /></label>
      <label className={field}>{t("relation")}<Input name="relation" defaultValue={values.relation} /></label>
      <label className={field}>{t("subject")}<Input name="subject" defaultValue={values.subject} placeholder="User:alice" /></label>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">{t("filter")}</button>
    </form>
  );
}

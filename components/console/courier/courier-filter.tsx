import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";

const statuses = ["queued", "processing", "sent", "abandoned"] as const;

/** Status and recipient filters as a GET form (shareable URL, no scripts needed). */
export async function CourierFilter({ status, recipient }: { status?: string; recipient?: string }) {
  const t = await getTranslations("courier");
  return (
    <form method="get" role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="space-y-1.5">
        <label htmlFor="courier-status" className="block text-sm font-medium">{t("filterStatus")}</label>
        <Select id="courier-status" name="status" defaultValue={status ?? ""}>
          <option value="">{t("allStatuses")}</option>
          {statuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </Select>
      </div>
      <div className="flex-1 space-y-1.5">
        <label htmlFor="courier-recipient" className="block text-sm font-medium">{t("filterRecipient")}</label>
        <Input id="courier-recipient" type="search" name="recipient" defaultValue={recipient ?? ""} maxLength={320} />
      </div>
      <Button type="submit" variant="secondary">{t("filter")}</Button>
    </form>
  );
}

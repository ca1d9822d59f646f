import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Search by email or name: a GET form, so results have a URL and work without scripts. */
export async function IdentitySearch({ query }: { query: string }) {
  const t = await getTranslations("identities.list");
  return (
    <form role="search" method="get" className="flex flex-col gap-2 sm:flex-row">
      <label htmlFor="identity-search" className="sr-only">
        {t("searchLabel")}
      </label>
      <Input id="identity-search" type="search" name="q" defaultValue={query} placeholder={t("searchPlaceholder")} maxLength={200} className="sm:max-w-md" />
      <Button type="submit" variant="secondary">
        {t("search")}
      </Button>
    </form>
  );
}

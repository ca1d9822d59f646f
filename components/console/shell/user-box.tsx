import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/_actions/sign-out";
import { consoleAccountUrl } from "@/lib/console/sign-in-urls";
import { Icon } from "../icons";

const ITEM =
  "-ml-2 flex h-9 items-center gap-2 whitespace-nowrap rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800";

/** Who is signed in, their account link, and the sign-out button (a POST form, so it works without scripts). */
export async function UserBox({ name, email }: { name: string; email: string }) {
  const t = await getTranslations("console.shell");
  return (
    <div className="space-y-2">
      <div className="min-w-0 text-sm">
        <p className="truncate font-medium">{name || email}</p>
        {name ? <p className="truncate text-xs text-slate-600 dark:text-slate-400">{email}</p> : null}
      </div>
      {/* The account lives on the platform project's hosted settings page (a plain link: another part of the app). */}
      <a href={consoleAccountUrl()} className={`${ITEM} no-underline`} data-testid="console-account">
        <Icon name="lock" className="h-4 w-4" />
        {t("account")}
      </a>
      <form action={signOutAction}>
        <button type="submit" className={ITEM}>
          <Icon name="logout" className="h-4 w-4" />
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}

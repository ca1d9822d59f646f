import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/_actions/sign-out";
import { Icon } from "../icons";

/** Who is signed in, and the sign-out button (a POST form, so it works without scripts). */
export async function UserBox({ name, email }: { name: string; email: string }) {
  const t = await getTranslations("console.shell");
  return (
    <div className="space-y-2">
      <div className="min-w-0 text-sm">
        <p className="truncate font-medium">{name || email}</p>
        {name ? <p className="truncate text-xs text-slate-600 dark:text-slate-400">{email}</p> : null}
      </div>
      <form action={signOutAction}>
        <button
          type="submit"
          className="-ml-2 flex h-9 items-center gap-2 whitespace-nowrap rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          <Icon name="logout" className="h-4 w-4" />
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { HostedCard } from "@/components/flow/HostedCard";
import { flowStyles } from "@/components/flow/styles";
import { loadHostedPage, type SearchParams } from "../_lib/page-context";
import { submitUserCode } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ project: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("oauth2"))("device.title"), robots: { index: false } };
}

/** RFC 8628 §3.3: the user enters (or confirms) the code shown on the device. */
export default async function DevicePage({ params, searchParams }: Props) {
  const page = await loadHostedPage((await params).project, "device", await searchParams);
  const t = await getTranslations("oauth2");
  const challenge = page.query.get("device_challenge");
  // Without a challenge, start at the verification endpoint, which issues one.
  if (!challenge) redirect(`${page.basePath}/oauth2/device/verify${page.query.get("user_code") ? `?user_code=${encodeURIComponent(page.query.get("user_code")!)}` : ""}`);
  const error = page.query.get("error");
  return (
    <HostedCard branding={page.branding} projectName={page.projectName} pathname={page.pathname} query={page.query} title={t("device.title")} subtitle={t("device.subtitle")}>
      <form action={submitUserCode} className="space-y-4">
        <input type="hidden" name="project" value={page.slug} />
        <input type="hidden" name="device_challenge" value={challenge} />
        <label className="block space-y-1.5">
          <span className={flowStyles.label}>{t("device.code")}</span>
          <input name="user_code" required autoComplete="off" autoCapitalize="characters" spellCheck={false} defaultValue={page.query.get("user_code") ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? "device-error" : undefined} className={`${flowStyles.input} font-mono tracking-widest uppercase`} />
        </label>
        {error ? <p id="device-error" role="alert" className={flowStyles.fieldError}>{t(error === "code" ? "device.invalidCode" : error === "rate" ? "device.tooManyAttempts" : "device.expired")}</p> : null}
        <button type="submit" className={flowStyles.primaryButton}>{t("device.continue")}</button>
      </form>
    </HostedCard>
  );
}

import { redirect } from "next/navigation";
import { hostedPagePath } from "@/lib/selfservice/ui";

export const dynamic = "force-dynamic";

/** The project base URL in a browser goes where Ory Network's account experience goes: the welcome page. */
export default async function ProjectBasePage({ params }: { params: Promise<{ project: string }> }) {
  redirect(hostedPagePath((await params).project, "welcome"));
}

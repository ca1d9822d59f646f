import { redirect } from "next/navigation";
import { needsSetup } from "@/lib/workspaces/setup";

export const dynamic = "force-dynamic";

export default async function Home() {
  redirect((await needsSetup()) ? "/setup" : "/console");
}

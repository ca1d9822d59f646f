import { handleWithRouteTable } from "@/lib/http/next-adapter";

// proxy.ts rewrites /p/{slug}/.well-known/* here, since dot-folders are not routable in the App Router.
const handle = (request: Request) => handleWithRouteTable(request, new URL(request.url).pathname.replace("/well-known/", "/.well-known/"));
export const dynamic = "force-dynamic";
export { handle as GET, handle as POST };

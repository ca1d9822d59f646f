import { handleWithRouteTable } from "@/lib/http/next-adapter";

// Adapts lib/http/routes.ts for `next dev`; under `npm start`, server.ts answers these paths before Next.
const handle = (request: Request) => handleWithRouteTable(request);
export const dynamic = "force-dynamic";
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };

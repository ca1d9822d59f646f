// Platform liveness, served by a plain Next route handler (the machine API's project health endpoints live in
// lib/http/routes and never reach Next). `npm run bench` uses it as the "bare Next route handler" baseline.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}

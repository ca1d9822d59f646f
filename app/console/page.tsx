export const dynamic = "force-dynamic";
export default function ConsolePage() {
  return <main className="p-8"><h1 className="text-2xl font-semibold">Console</h1></main>;
}

export const dynamic = "force-dynamic";
export default function SetupPage() {
  return <main className="p-8"><h1 className="text-2xl font-semibold">Set up Portcullis</h1></main>;
}

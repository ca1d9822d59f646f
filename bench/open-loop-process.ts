import { openLoop, type OpenLoopOptions } from "./open-loop";

// The child side of bench/fixed-rate.ts: runs the open loops it is sent, one at a time, and answers with each result.
process.on("message", (options: OpenLoopOptions) => {
  void openLoop(options).then(
    (result) => process.send!({ result }),
    (error: unknown) => process.send!({ error: String(error) }),
  );
});
process.send!({ ready: true });

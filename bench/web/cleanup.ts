// Teardown that runs in every outcome: normal end, a thrown error, or Ctrl-C / SIGTERM / SIGHUP.
// Steps run newest first, each once, and a failing step does not stop the others.

type Step = { name: string; run: () => Promise<void> | void };

export class Cleanup {
  private steps: Step[] = [];
  private running: Promise<void> | undefined;

  /** Registers a teardown step; returns a function that runs (and unregisters) it early. */
  defer(name: string, run: Step['run']): () => Promise<void> {
    const step: Step = { name, run };
    this.steps.push(step);
    return async () => {
      const index = this.steps.indexOf(step);
      if (index === -1) return;
      this.steps.splice(index, 1);
      await runStep(step);
    };
  }

  runAll(): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length > 0) await runStep(this.steps.pop()!);
      this.running = undefined;
    })();
    return this.running;
  }

  /**
   * A signal tears everything down and then ends the process with the conventional 128 + n.
   * The handlers stay installed: Ctrl-C reaches this process more than once (from the terminal,
   * and relayed by npm and tsx), and a repeat must not kill it half-way through the cleanup.
   * `settled` is the work in progress: it fails soon once its browser or server is gone, and
   * whatever it started in the meantime (a browser being launched) is torn down too.
   */
  onSignals(settled: () => Promise<unknown>): void {
    const codes = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
    let stopping = false;
    for (const [signal, number] of Object.entries(codes)) {
      process.on(signal, () => {
        if (stopping) return;
        stopping = true;
        console.error(`\n[bench:web] ${signal}: cleaning up…`);
        void (async () => {
          await this.runAll();
          await Promise.race([settled().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10_000))]);
          await this.runAll();
        })().finally(() => process.exit(128 + number));
      });
    }
  }
}

async function runStep(step: Step): Promise<void> {
  try {
    await step.run();
  } catch (error) {
    console.error(`[bench:web] cleanup "${step.name}" failed:`, error);
  }
}

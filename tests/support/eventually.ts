// Waits on a result, not on the clock: `check` is asked every 20 ms until it
// holds (its value is returned), or `within` ms have passed (a clear failure
// saying what was awaited). For what another process does in its own time: a
// server noticing a write on its next version check, a log line reaching us.
export async function eventually<T>(
  what: string,
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  within = 5_000,
): Promise<T> {
  const deadline = Date.now() + within;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${within} ms for ${what}, in vain`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

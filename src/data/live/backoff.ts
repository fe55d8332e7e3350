/**
 * Reconnect delays: exponential backoff with "full jitter" (a uniform delay between 0 and
 * the exponential cap), so a wall of screens does not reconnect in lockstep after a
 * server restart (AWS Architecture Blog, "Exponential Backoff and Jitter"). A floor of
 * half the minimum keeps the first retry from being instant.
 */
export class Backoff {
  private attempt = 0;
  constructor(
    private readonly minMs = 500,
    private readonly maxMs = 15_000,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const cap = Math.min(this.maxMs, this.minMs * 2 ** this.attempt);
    this.attempt++;
    return Math.max(this.minMs / 2, Math.round(this.random() * cap));
  }

  reset(): void {
    this.attempt = 0;
  }
}

// Group commit: writes that arrive while an earlier one is under way wait for it to end and are then
// written together, in one call of `write`. A write arriving on its own goes at once (no timer, so a
// quiet service adds no latency); under load, the batch grows to what arrived during one write. Each
// caller is answered only when the write that holds its item has ended, with its own answer or error.
interface Waiting<I, O> {
  item: I;
  resolve(answer: O): void;
  reject(error: unknown): void;
}

export class GroupCommit<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private writing = false;

  /**
   * `write` answers for every item, in order. `conflictKey`: items with the same key never share a
   * write (a later one waits for the next), so a write never holds two claims of one key.
   */
  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly conflictKey: (item: I) => string | undefined,
    private readonly maxItems = 100,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      void this.next();
    });
  }

  private async next(): Promise<void> {
    if (this.writing || this.waiting.length === 0) return;
    this.writing = true;
    try {
      await this.writeEach(this.take());
    } finally {
      this.writing = false;
      void this.next();
    }
  }

  /** The next batch: the oldest items, up to maxItems, one per conflict key. */
  private take(): Waiting<I, O>[] {
    const batch: Waiting<I, O>[] = [];
    const later: Waiting<I, O>[] = [];
    const keys = new Set<string>();
    for (const waiting of this.waiting) {
      const key = this.conflictKey(waiting.item);
      if (batch.length >= this.maxItems || (key !== undefined && keys.has(key))) later.push(waiting);
      else {
        batch.push(waiting);
        if (key !== undefined) keys.add(key);
      }
    }
    this.waiting = later;
    return batch;
  }

  private async writeEach(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const answers = await this.write(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(answers[i]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // one item's failure must not fail the others: each is written again on its own, so each
      // caller gets the answer or the error its item would have had alone
      for (const w of batch) await this.writeEach([w]);
    }
  }
}

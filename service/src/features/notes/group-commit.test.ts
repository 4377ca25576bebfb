// Group commit: what arrives during a write goes in the next one, each caller gets its own answer.
import { GroupCommit } from './group-commit';

interface Item {
  name: string;
  key?: string;
}

/** A writer whose writes end when the test says so, recording what each write held. */
function gatedWriter(fail: (item: Item) => boolean = () => false) {
  const writes: string[][] = [];
  const gates: Array<() => void> = [];
  const writer = new GroupCommit<Item, string>(
    async (items) => {
      writes.push(items.map((i) => i.name));
      await new Promise<void>((resolve) => gates.push(resolve));
      const bad = items.find(fail);
      if (bad) throw new Error(`cannot write ${bad.name}`);
      return items.map((i) => `stored ${i.name}`);
    },
    (item) => item.key,
    3,
  );
  /** ends the oldest write still open, once it has started */
  const release = async () => {
    while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
    gates.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { writer, writes, release };
}

describe('group commit', () => {
  test('when an item arrives alone, then it is written at once on its own', async () => {
    const { writer, writes, release } = gatedWriter();
    const answer = writer.submit({ name: 'a' });
    expect(writes).toEqual([['a']]);
    await release();
    await expect(answer).resolves.toBe('stored a');
  });

  test('when items arrive during a write, then the next write holds them together, at most maxItems', async () => {
    const { writer, writes, release } = gatedWriter();
    const answers = ['a', 'b', 'c', 'd', 'e'].map((name) => writer.submit({ name }));
    expect(writes).toEqual([['a']]);
    await release();
    expect(writes).toEqual([['a'], ['b', 'c', 'd']]);
    await release();
    expect(writes).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
    await release();
    await expect(Promise.all(answers)).resolves.toEqual(['a', 'b', 'c', 'd', 'e'].map((n) => `stored ${n}`));
  });

  test('when two items share a conflict key, then they never share a write', async () => {
    const { writer, writes, release } = gatedWriter();
    const answers = [
      writer.submit({ name: 'first' }),
      writer.submit({ name: 'k1', key: 'k' }),
      writer.submit({ name: 'k2', key: 'k' }),
      writer.submit({ name: 'other' }),
    ];
    await release();
    await release();
    await release();
    expect(writes).toEqual([['first'], ['k1', 'other'], ['k2']]);
    await expect(Promise.all(answers)).resolves.toHaveLength(4);
  });

  test('when one item of a write fails, then only its caller gets the error and the others are stored', async () => {
    const { writer, writes, release } = gatedWriter((item) => item.name === 'bad');
    const answers = Promise.allSettled(['first', 'ok1', 'bad', 'ok2'].map((name) => writer.submit({ name })));
    await release(); // first
    await release(); // the three together: fails
    await release(); // ok1 alone
    await release(); // bad alone: fails
    await release(); // ok2 alone
    expect(writes).toEqual([['first'], ['ok1', 'bad', 'ok2'], ['ok1'], ['bad'], ['ok2']]);
    const [first, ok1, bad, ok2] = await answers;
    expect([first, ok1, ok2]).toEqual(
      ['first', 'ok1', 'ok2'].map((n) => ({ status: 'fulfilled', value: `stored ${n}` })),
    );
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('cannot write bad') });
  });
});

// Large users files are read on the worker pool, with the same answers as inline.
import { closeWorkerPool, workerPool } from '../../platform/worker-pool';
import { readUsersFile, readUsersFileOffThread } from './off-thread';

const id = (n: number) => `005${String(n).padStart(12, '0')}`;
const csv = (count: number) =>
  [
    'userId,name,managerId',
    ...Array.from({ length: count }, (_, i) => `${id(i + 1)},Rep ${i},${i ? id(1) : ''}`),
  ].join('\n');

describe('users files off the request thread', () => {
  beforeEach(() => closeWorkerPool());
  afterAll(() => closeWorkerPool());

  test('when a small file is imported, then it is read inline', async () => {
    await expect(readUsersFileOffThread('t1', csv(3))).resolves.toHaveLength(3);
    expect(workerPool().stats().threads).toBe(0);
  });

  test('when a large file is imported, then a pool thread reads it as inline reading would', async () => {
    const users = await readUsersFileOffThread('t1', csv(2000));
    expect(workerPool().stats().threads).toBe(1);
    expect(users).toEqual(readUsersFile(csv(2000)));
  });

  test('when a large file has a bad row, then the 400 names its line', async () => {
    const broken = `${csv(2000)}\nnot-an-id,Someone,`;
    await expect(readUsersFileOffThread('t1', broken)).rejects.toMatchObject({
      status: 400,
      details: [expect.objectContaining({ path: 'line 2002.userId' })],
    });
  });
});

// Large imports and exports are handled on the worker pool, with the same answers as inline.
import { closeWorkerPool, workerPool } from '../../platform/worker-pool';
import { AppError } from '../../platform/lib/errors';
import { samplePrompt } from '../../../../test/helpers/service';
import { readImportFile } from './import-file';
import { exportFile, exportFileOffThread, readImportFileOffThread } from './off-thread';

const file = (count: number) => ({
  format: 'json' as const,
  content: { name: 'Imported', prompts: Array.from({ length: count }, (_, i) => samplePrompt(`p-${i}`)) },
});

describe('prompt files off the request thread', () => {
  beforeEach(() => closeWorkerPool());
  afterAll(() => closeWorkerPool());

  test('when a small file is imported, then it is read inline', async () => {
    await expect(readImportFileOffThread('t1', file(3))).resolves.toEqual(readImportFile(file(3)));
    expect(workerPool().stats().threads).toBe(0);
  });

  test('when a large file is imported, then a pool thread reads it as inline reading would', async () => {
    const draft = await readImportFileOffThread('t1', file(500));
    expect(workerPool().stats().threads).toBe(1);
    expect(draft).toEqual(readImportFile(file(500)));
    const set = { name: draft.name, description: draft.description ?? '', prompts: draft.prompts };
    await expect(exportFileOffThread('t1', 'csv', set)).resolves.toBe(exportFile({ format: 'csv', set }));
  });

  test('when a large file has problems, then the 400 lists them as inline reading would', async () => {
    const broken = file(500);
    broken.content.prompts[7] = { ...broken.content.prompts[7]!, key: '' };
    const inline = (() => {
      try {
        readImportFile(broken);
      } catch (error) {
        return error as AppError;
      }
    })();
    expect(inline).toBeInstanceOf(AppError);
    await expect(readImportFileOffThread('t1', broken)).rejects.toMatchObject({
      status: inline!.status,
      code: inline!.code,
      details: inline!.details,
    });
  });
});

import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { queueRescore, runRescore } from '../../../service/src/features/jobs';
import { findTenant } from '../../../service/src/features/tenants';
import { withDatabase } from '../open-db';

export function registerRescore(program: Command): void {
  program
    .command('rescore')
    .description('rescore every stored note of a tenant with the current scorer and weights')
    .requiredOption('--tenant <slug>', 'the tenant')
    .action(async (options: { tenant: string }) => {
      await withDatabase(async (db) => {
        const tenant = await findTenant(db, options.tenant);
        if (!tenant) throw new Error(`no tenant "${options.tenant}"`);
        const { job, started } = await queueRescore(db, tenant.id);
        if (!started) throw new Error(`a rescoring job (${job.id}) is already running for ${options.tenant}`);
        const bar = new SingleBar(
          { format: 'rescoring [{bar}] {value}/{total} notes  {eta_formatted} left' },
          Presets.shades_classic,
        );
        bar.start(job.total, 0);
        const finished = await runRescore(db, tenant.id, job.id, (done, total) => {
          bar.setTotal(total);
          bar.update(done);
        });
        bar.stop();
        process.stdout.write(`rescored ${finished.done} notes\n`);
      });
    });
}

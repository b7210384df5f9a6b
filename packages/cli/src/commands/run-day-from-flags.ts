import type { CommandContext } from '../command.js';
import { type PlatformDayResult, runPlatformDay } from '../day/run-platform-day.js';
import { planStorage, storageSession } from '../storage.js';
import { scaleOf } from './scale-option.js';

/**
 * What `s2b2b day` and `s2b2b report` share: the platform day at the `--scale` the options ask
 * for, on the storage the flags choose (opened for the day and closed after it), under a title
 * line, with progress bars on stderr unless `--json`.
 *
 * @example
 * const { plan, result } = await runDayFromFlags(context, 'S2B2B platform day');
 */
export async function runDayFromFlags(
  { io, flags, options, out }: CommandContext,
  title: string,
): Promise<{ plan: ReturnType<typeof planStorage>; result: PlatformDayResult }> {
  const scale = scaleOf(options);
  const plan = planStorage(flags, io);
  out.line(out.bold(title) + out.dim(` · scale ${scale} · storage ${plan.kind} · seed ${flags.seed}`));
  const session = storageSession(plan);
  try {
    const result = await runPlatformDay({
      session,
      seed: flags.seed,
      scale,
      progress: flags.json ? false : io.stderr,
    });
    return { plan, result };
  } finally {
    await session.close();
  }
}

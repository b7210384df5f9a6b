import type { EventReader } from '@s2b2b/core';

const PAGE = 1000;

/**
 * Reads the outbox from `cursor` to its end, page by page: how many events there are after it,
 * and the cursor after the last.
 *
 * @example
 * const { cursor } = await outboxTail(storage.events, null); // the end, before the day runs
 * const { count } = await outboxTail(storage.events, cursor); // the events the day committed
 */
export async function outboxTail(
  events: EventReader,
  cursor: string | null,
): Promise<{ count: number; cursor: string | null }> {
  let count = 0;
  let at = cursor;
  for (;;) {
    const page = await events.since(at, PAGE);
    count += page.events.length;
    at = page.cursor;
    if (page.events.length < PAGE) return { count, cursor: at };
  }
}

/**
 * Twitter snowflake ids: 41 bits of milliseconds since the Twitter epoch, 10 bits of worker,
 * 12 bits of sequence. The ingest stage reads post times back from them (ms = (id >> 22) + epoch).
 */
export const TWITTER_EPOCH_MS = 1288834974657n;

/** The snowflake id of a post made at `ms` by `worker` (0–1023) with sequence `seq` (0–4095). */
export function toSnowflake(ms: number, worker: number, seq: number): bigint {
  return (
    ((BigInt(ms) - TWITTER_EPOCH_MS) << 22n) | (BigInt(worker & 1023) << 12n) | BigInt(seq & 4095)
  );
}

/** The post time in ms encoded in a snowflake id. */
export function snowflakeToMs(id: bigint): number {
  return Number((id >> 22n) + TWITTER_EPOCH_MS);
}

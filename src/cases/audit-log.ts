/**
 * The audit log: `case_events`, append-only and hash-chained. Each event's hash is
 * sha256(prev_hash || canonical JSON of the event without its hashes), so editing, inserting or
 * deleting any row breaks the chain from that row on, and `verifyAuditLog` names the first bad seq.
 * A truncated tail is only detectable against a hash kept elsewhere (print `head` and keep it).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Row, Store } from '../store/index.ts';
import { toCanonicalJson } from './canonical-json.ts';
import type { CaseEvent } from './case-event.ts';
import { GENESIS_HASH } from './case-event.ts';

/** What a caller gives to append an event; seq, ids and hashes are filled in. */
export interface NewCaseEvent {
  caseId: string | null;
  type: string;
  actor: string;
  timeMs: number;
  payload: Record<string, unknown>;
}

/** Hash of one event given the previous hash. */
export function hashCaseEvent(prevHash: string, e: Omit<CaseEvent, 'hash' | 'prevHash'>): string {
  const body = toCanonicalJson({
    seq: e.seq,
    eventId: e.eventId,
    caseId: e.caseId,
    type: e.type,
    actor: e.actor,
    timeMs: e.timeMs,
    payload: e.payload,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Appends events at the end of the chain. Call it inside the transaction that makes their
 * effect, so that the log and the projection never disagree.
 */
export async function appendCaseEvents(
  store: Store,
  events: readonly NewCaseEvent[],
): Promise<CaseEvent[]> {
  const last = await store.one<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM case_events ORDER BY seq DESC LIMIT 1',
  );
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const written: CaseEvent[] = [];
  for (const e of events) {
    seq += 1;
    const base = {
      seq,
      eventId: randomUUID(),
      caseId: e.caseId,
      type: e.type,
      actor: e.actor,
      timeMs: e.timeMs,
      payload: e.payload,
    };
    const hash = hashCaseEvent(prevHash, base);
    await store.run(
      'INSERT INTO case_events (seq, event_id, case_id, type, actor, time_ms, payload, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [
        seq,
        base.eventId,
        e.caseId,
        e.type,
        e.actor,
        e.timeMs,
        toCanonicalJson(e.payload),
        prevHash,
        hash,
      ],
    );
    written.push({ ...base, prevHash, hash });
    prevHash = hash;
  }
  return written;
}

/** Turns a case_events row into an event. */
export function toCaseEvent(r: Row): CaseEvent {
  const payload =
    typeof r['payload'] === 'string' ? (JSON.parse(r['payload']) as unknown) : r['payload'];
  return {
    seq: Number(r['seq']),
    eventId: String(r['event_id']),
    caseId: r['case_id'] === null || r['case_id'] === undefined ? null : String(r['case_id']),
    type: String(r['type']),
    actor: String(r['actor']),
    timeMs: Number(r['time_ms']),
    payload: (payload ?? {}) as Record<string, unknown>,
    prevHash: String(r['prev_hash']),
    hash: String(r['hash']),
  };
}

const SELECT_EVENTS =
  'SELECT seq, event_id, case_id, type, actor, time_ms, payload, prev_hash, hash FROM case_events';

/** Events of one case, or of the whole log, in seq order (paged when limit is given). */
export async function readCaseEvents(
  store: Store,
  options: { caseId?: string; limit?: number; offset?: number; afterSeq?: number } = {},
): Promise<CaseEvent[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (options.caseId !== undefined) {
    params.push(options.caseId);
    where.push(`case_id = $${params.length}`);
  }
  if (options.afterSeq !== undefined) {
    params.push(options.afterSeq);
    where.push(`seq > $${params.length}`);
  }
  let sql = `${SELECT_EVENTS}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`;
  if (options.limit !== undefined) {
    params.push(options.limit, options.offset ?? 0);
    sql += ` LIMIT $${params.length - 1} OFFSET $${params.length}`;
  }
  return (await store.all(sql, params)).map(toCaseEvent);
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  /** Hash of the last event: keep it elsewhere to detect a truncated tail later. */
  head: string;
  firstBadSeq: number | null;
  problem: string | null;
}

const VERIFY_PAGE = 5_000;

/**
 * Recomputes the chain from the first event; stops at the first row that does not fit. Reads in
 * pages by seq (not a streaming cursor): the server shares one connection, and a query run by
 * another request would cut a pending stream short, which must never read as "intact".
 */
export async function verifyAuditLog(store: Store): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let events = 0;
  let lastSeq = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const chunk = await store.all(`${SELECT_EVENTS} WHERE seq > $1 ORDER BY seq LIMIT $2`, [
      lastSeq,
      VERIFY_PAGE,
    ]);
    for (const row of chunk) {
      let e: CaseEvent;
      try {
        e = toCaseEvent(row);
      } catch {
        return bad(Number(row['seq']), 'its payload is not valid JSON', events, prevHash);
      }
      if (e.seq !== expectedSeq) {
        return bad(
          e.seq,
          e.seq > expectedSeq
            ? `seq ${expectedSeq} is missing (a row was deleted)`
            : `seq ${e.seq} repeats`,
          events,
          prevHash,
        );
      }
      if (e.prevHash !== prevHash) {
        return bad(e.seq, 'its prev_hash is not the hash of the event before it', events, prevHash);
      }
      if (hashCaseEvent(prevHash, e) !== e.hash) {
        return bad(e.seq, 'its content does not match its hash (it was edited)', events, prevHash);
      }
      prevHash = e.hash;
      expectedSeq += 1;
      events += 1;
      lastSeq = e.seq;
    }
    if (chunk.length < VERIFY_PAGE) break;
  }
  return { ok: true, events, head: prevHash, firstBadSeq: null, problem: null };
}

function bad(seq: number, problem: string, events: number, head: string): AuditVerification {
  return { ok: false, events, head, firstBadSeq: seq, problem: `seq ${seq}: ${problem}` };
}

/**
 * Opening an input file: a byte stream (gunzipped when the file is gzip, by its magic bytes, not
 * its name), the decoded head for format detection, and a content fingerprint that identifies
 * the file across runs and renames (size + SHA-256 of its first and last MiB: cheap on 10 GB).
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import { inputError, notFoundError } from '../model/index.ts';

const MIB = 1024 * 1024;

export interface SourceInfo {
  path: string;
  bytes: number;
  gzip: boolean;
  fingerprint: string;
}

function readAt(fd: number, pos: number, len: number): Buffer {
  const buf = Buffer.alloc(len);
  const n = readSync(fd, buf, 0, len, pos);
  return buf.subarray(0, n);
}

/** Size, gzip flag and content fingerprint of a file. */
export function describeSource(path: string): SourceInfo {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw notFoundError(`No such file: ${path}`);
  }
  if (!st.isFile()) throw inputError(`${path} is not a file`);
  const fd = openSync(path, 'r');
  try {
    const head = readAt(fd, 0, Math.min(MIB, st.size));
    const tail =
      st.size > MIB
        ? readAt(fd, Math.max(MIB, st.size - MIB), Math.min(MIB, st.size - MIB))
        : Buffer.alloc(0);
    const h = createHash('sha256').update(String(st.size)).update(head).update(tail).digest('hex');
    return {
      path,
      bytes: st.size,
      gzip: head[0] === 0x1f && head[1] === 0x8b,
      fingerprint: `${st.size}-${h.slice(0, 32)}`,
    };
  } finally {
    closeSync(fd);
  }
}

/** The first `max` decoded bytes of the file as text (for format detection). */
export function readHead(src: SourceInfo, max = 64 * 1024): string {
  const fd = openSync(src.path, 'r');
  try {
    const raw = readAt(fd, 0, src.gzip ? Math.min(src.bytes, 256 * 1024) : max);
    if (!src.gzip) return raw.toString('utf8');
    try {
      return gunzipSync(raw, { finishFlush: 2 /* Z_SYNC_FLUSH: accept a truncated stream */ })
        .subarray(0, max)
        .toString('utf8');
    } catch (cause) {
      throw inputError(`${src.path} looks gzipped but cannot be decompressed`, undefined, cause);
    }
  } finally {
    closeSync(fd);
  }
}

/** A stream of the file's decoded bytes, with a counter of compressed bytes read (for progress). */
export function openSource(src: SourceInfo): { stream: Readable; bytesRead: () => number } {
  const raw = createReadStream(src.path, { highWaterMark: MIB });
  if (!src.gzip) return { stream: raw, bytesRead: () => raw.bytesRead };
  const gunzip = createGunzip({ chunkSize: MIB });
  raw.on('error', (e) => gunzip.destroy(e));
  return { stream: raw.pipe(gunzip), bytesRead: () => raw.bytesRead };
}

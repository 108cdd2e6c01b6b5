// An activity's samples into PostgreSQL with COPY in binary format, straight from their columns:
// no text per value (no date string per sample), one stream per activity, inside the caller's
// transaction. Binary COPY rows are what PostgreSQL stores: float8 and float4 as IEEE big-endian,
// timestamptz as microseconds since 2000-01-01 UTC, NULL as length -1.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { SampleColumns } from '#shared/activity/sample-columns';
import type { ClientBase } from 'pg';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 2 ** 32;
/** Field count, 9 lengths, uuid 16, t 8, four float8 (lat, lon, distance) and four float4. */
const MAX_ROW_BYTES = 2 + 9 * 4 + 16 + 8 + 3 * 8 + 4 * 4;
const ROWS_PER_CHUNK = 4096;

function uuidBytes(id: string): Buffer {
  const hex = id.replaceAll('-', '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a uuid: ${id}`);
  return Buffer.from(hex, 'hex');
}

function* copyChunks(activityId: string, c: SampleColumns): Generator<Buffer> {
  const id = uuidBytes(activityId);
  const header = Buffer.alloc(SIGNATURE.length + 8);
  SIGNATURE.copy(header, 0);
  yield header;
  for (let from = 0; from < c.length; from += ROWS_PER_CHUNK) {
    const to = Math.min(c.length, from + ROWS_PER_CHUNK);
    const buf = Buffer.allocUnsafe((to - from) * MAX_ROW_BYTES + 2);
    let o = 0;
    const f8 = (v: number) => {
      if (Number.isNaN(v)) o = buf.writeInt32BE(-1, o);
      else o = buf.writeDoubleBE(v, buf.writeInt32BE(8, o));
    };
    const f4 = (v: number) => {
      if (Number.isNaN(v)) o = buf.writeInt32BE(-1, o);
      else o = buf.writeFloatBE(v, buf.writeInt32BE(4, o));
    };
    for (let i = from; i < to; i++) {
      o = buf.writeInt16BE(9, o);
      o = buf.writeInt32BE(16, o);
      o += id.copy(buf, o);
      // Whole milliseconds, as the text path (toISOString) stores them.
      const us = (Math.trunc(c.t[i] as number) - PG_EPOCH_MS) * 1000;
      const hi = Math.floor(us / TWO_32);
      o = buf.writeInt32BE(8, o);
      o = buf.writeInt32BE(hi, o);
      o = buf.writeUInt32BE(us - hi * TWO_32, o);
      f8(c.lat[i] as number);
      f8(c.lon[i] as number);
      f4(c.eleM[i] as number);
      f4(c.hrBpm[i] as number);
      f4(c.cadenceSpm[i] as number);
      f8(c.distanceM[i] as number);
      f4(c.speedMps[i] as number);
    }
    if (to === c.length) o = buf.writeInt16BE(-1, o);
    yield buf.subarray(0, o);
  }
  if (c.length === 0) yield Buffer.from([0xff, 0xff]);
}

/** Whether each sample is later than the one before (what COPY needs: it cannot skip a repeat). */
export function strictlyIncreasing(c: SampleColumns): boolean {
  for (let i = 1; i < c.length; i++) {
    if (!(Math.trunc(c.t[i] as number) > Math.trunc(c.t[i - 1] as number))) return false;
  }
  return true;
}

/** COPY the samples of one activity; their times must be whole milliseconds, strictly increasing. */
export async function copySamples(
  client: ClientBase,
  activityId: string,
  columns: SampleColumns,
): Promise<void> {
  const stream = client.query(
    copyFrom(
      `COPY samples (activity_id, t, lat, lon, ele_m, hr_bpm, cadence_spm, distance_m, speed_mps)
       FROM STDIN (FORMAT binary)`,
    ),
  );
  await pipeline(Readable.from(copyChunks(activityId, columns)), stream);
}

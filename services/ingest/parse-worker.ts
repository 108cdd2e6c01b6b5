// One parsing thread of the pool in parse-in-worker.ts: a file's bytes in, its activities out (their
// columns moved, not copied), or why it could not be read.
import { parentPort } from 'node:worker_threads';
import { parseActivities, type ParseActivityOptions } from '#shared/activity/parse-activity-file';
import { BadInputError } from '#shared/errors';
import { loadsOfParsed, toWire, type LoadsRequest, type WireResult } from './parse-in-worker.ts';

interface Request {
  id: number;
  filename: string;
  bytes: Uint8Array;
  options: ParseActivityOptions;
  loadsFor?: LoadsRequest;
}

const port = parentPort;
if (port === null) throw new Error('parse-worker.ts runs as a worker thread');
port.on('message', ({ id, filename, bytes, options, loadsFor }: Request) => {
  let reply: WireResult;
  let transfer: ArrayBuffer[] = [];
  try {
    const parsed = parseActivities(filename, bytes, options);
    // Before the columns move to the other thread.
    const loads = loadsFor === undefined ? undefined : loadsOfParsed(parsed.activities, loadsFor);
    const wired = parsed.activities.map(toWire);
    transfer = wired.flatMap((w) => w.transfer);
    reply = {
      id,
      ok: true,
      format: parsed.format,
      warnings: parsed.warnings,
      activities: wired.map((w) => w.wire),
      ...(loads ? { loads } : {}),
    };
  } catch (err) {
    reply =
      err instanceof BadInputError
        ? { id, ok: false, bad: { reason: err.reason, message: err.message }, message: err.message }
        : { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply, transfer);
});

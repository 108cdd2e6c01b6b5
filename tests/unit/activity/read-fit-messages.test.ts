// FIT messages decoded into Hipcheck's units (read-fit-messages.ts). Files are encoded message by
// message with the FIT profile's message and field numbers (record 20: 253 timestamp, 0/1
// position in semicircles, 2 altitude (÷5 − 500 m), 3 heart rate, 4 cadence + 53 fractional
// cadence (÷128), 5 distance (cm), 6 speed (mm/s), 73 enhanced speed, 78 enhanced altitude; lap 19;
// session 18; length 101; sport 12; event 21; file_id 0; device_info 23), so each value is
// converted by hand.
import { describe, expect, it } from 'vitest';
import { readFitMessages } from '../../../shared/activity/read-fit-messages.ts';
import { encodeFit, FIT, fitTime, type FitPart } from '../../fixtures/generate-fit.ts';

const T0 = Date.UTC(2026, 2, 1, 7, 0, 0);
const ts = (s: number) => fitTime(T0 + s * 1000);

function def(local: number, global: number, fields: [number, number, number][]): FitPart {
  return { kind: 'def', local, global, fields };
}
const data = (local: number, ...values: (number | number[] | string)[]): FitPart => ({
  kind: 'data',
  local,
  values,
});

describe('readFitMessages(): records', () => {
  it('converts each field to Hipcheck’s units', () => {
    const fields: [number, number, number][] = [
      [253, 4, FIT.uint32],
      [0, 4, FIT.sint32],
      [1, 4, FIT.sint32],
      [2, 2, FIT.uint16],
      [3, 1, FIT.uint8],
      [4, 1, FIT.uint8],
      [53, 1, FIT.uint8],
      [5, 4, FIT.uint32],
      [6, 2, FIT.uint16],
    ];
    // 2^30 semicircles = 90°, −2^29 = −45°; altitude 2750 → 2750 / 5 − 500 = 50 m; cadence 85 and
    // 64/128; 123456 cm; 3250 mm/s.
    const m = readFitMessages(
      encodeFit([
        def(0, 20, fields),
        data(0, ts(0), 2 ** 30, -(2 ** 29), 2750, 150, 85, 64, 123456, 3250),
      ]),
    );
    expect(m.records).toEqual([
      {
        sample: {
          t: T0,
          lat: 90,
          lon: -45,
          eleM: 50,
          hrBpm: 150,
          cadenceSpm: 85.5,
          distanceM: 1234.56,
          speedMps: 3.25,
        },
        newSegment: false,
      },
    ]);
  });

  it('prefers enhanced speed and altitude to the plain fields', () => {
    const fields: [number, number, number][] = [
      [253, 4, FIT.uint32],
      [2, 2, FIT.uint16],
      [78, 4, FIT.uint32],
      [6, 2, FIT.uint16],
      [73, 4, FIT.uint32],
    ];
    // Enhanced altitude 4000 → 300 m (plain 2750 → 50 m); enhanced speed 4500 → 4.5 m/s.
    const m = readFitMessages(
      encodeFit([def(0, 20, fields), data(0, ts(0), 2750, 4000, 3250, 4500)]),
    );
    expect(m.records[0]?.sample).toEqual({ t: T0, eleM: 300, speedMps: 4.5 });
  });

  it('keeps a record without a timestamp (t NaN), drops one with only a timestamp', () => {
    const fields: [number, number, number][] = [
      [253, 4, FIT.uint32],
      [3, 1, FIT.uint8],
    ];
    const m = readFitMessages(
      encodeFit([def(0, 20, fields), data(0, 0xffffffff, 140), data(0, ts(1), 0xff)]),
    );
    expect(m.records).toHaveLength(1);
    expect(m.records[0]?.sample.t).toBeNaN();
    expect(m.records[0]?.sample.hrBpm).toBe(140);
  });

  it('reads compressed speed and distance, a 12-bit distance in 1/16 m that rolls over', () => {
    // Bytes [b0, b1, b2]: speed = b0 | (b1 & 0x0f) << 8, in cm/s; distance = b1 >> 4 | b2 << 4.
    // Raw distances 4064, then 16 (past 4095: 4096 − 4064 + 16 = 48 sixteenths further).
    const fields: [number, number, number][] = [
      [253, 4, FIT.uint32],
      [8, 3, FIT.byte],
    ];
    const m = readFitMessages(
      encodeFit([
        def(0, 20, fields),
        data(0, ts(0), [0x2c, 0x01, 0xfe]), // speed 0x12c = 300 cm/s; distance 0xfe0 = 4064
        data(0, ts(1), [0x2c, 0x01, 0x01]), // distance 0x010 = 16
      ]),
    );
    expect(m.records.map((r) => [r.sample.speedMps, r.sample.distanceM])).toEqual([
      [3, 254],
      [3, 257],
    ]);
  });

  it('starts a new segment after a timer stop or stop-all event, not after other events', () => {
    const rec = def(0, 20, [
      [253, 4, FIT.uint32],
      [3, 1, FIT.uint8],
    ]);
    const event = def(1, 21, [
      [0, 1, FIT.enum],
      [1, 1, FIT.enum],
    ]);
    const m = readFitMessages(
      encodeFit([
        rec,
        event,
        data(0, ts(0), 120),
        data(1, 0, 1), // timer stop
        data(0, ts(10), 121),
        data(1, 0, 4), // timer stop_all
        data(0, ts(20), 122),
        data(1, 0, 0), // timer start
        data(0, ts(30), 123),
        data(1, 3, 1), // another event (workout) stopped
        data(0, ts(40), 124),
      ]),
    );
    expect(m.records.map((r) => r.newSegment)).toEqual([false, true, true, false, false]);
  });
});

describe('readFitMessages(): laps, sessions, lengths, sport', () => {
  it('reads a lap in seconds and metres, with its trigger by the profile’s lap_trigger order', () => {
    const lap = def(0, 19, [
      [2, 4, FIT.uint32],
      [7, 4, FIT.uint32],
      [9, 4, FIT.uint32],
      [15, 1, FIT.uint8],
      [24, 1, FIT.enum],
    ]);
    const m = readFitMessages(
      encodeFit([
        lap,
        data(0, ts(0), 600_000, 200_000, 150, 2),
        data(0, ts(600), 0xffffffff, 0xffffffff, 0xff, 9),
      ]),
    );
    expect(m.laps).toEqual([
      { startMs: T0, durationS: 600, distanceM: 2000, avgHrBpm: 150, trigger: 'distance' },
      // Lap trigger 9 is beyond the profile's list (0 manual … 8 fitness_equipment): none.
      { startMs: T0 + 600_000, durationS: 0, distanceM: 0 },
    ]);
  });

  it('reads a session in seconds, metres and bpm, its pool length in metres', () => {
    const session = def(0, 18, [
      [253, 4, FIT.uint32],
      [2, 4, FIT.uint32],
      [5, 1, FIT.enum],
      [6, 1, FIT.enum],
      [7, 4, FIT.uint32],
      [8, 4, FIT.uint32],
      [9, 4, FIT.uint32],
      [16, 1, FIT.uint8],
      [17, 1, FIT.uint8],
      [22, 2, FIT.uint16],
      [44, 2, FIT.uint16],
    ]);
    const m = readFitMessages(
      encodeFit([
        session,
        data(0, ts(1800), ts(0), 5, 17, 1_800_000, 1_700_000, 150_000, 130, 160, 12, 2500),
      ]),
    );
    expect(m.sessions).toEqual([
      {
        sport: 5,
        subSport: 17,
        startMs: T0,
        endMs: T0 + 1_800_000,
        elapsedS: 1800,
        timerS: 1700,
        distanceM: 1500,
        avgHrBpm: 130,
        maxHrBpm: 160,
        ascentM: 12,
        poolLengthM: 25,
      },
    ]);
  });

  it('reads pool lengths, active or idle, and skips one without a start or a time', () => {
    const length = def(0, 101, [
      [2, 4, FIT.uint32],
      [3, 4, FIT.uint32],
      [12, 1, FIT.enum],
    ]);
    const m = readFitMessages(
      encodeFit([
        length,
        data(0, ts(0), 30_500, 1),
        data(0, ts(31), 15_000, 0),
        data(0, 0xffffffff, 30_000, 1),
        data(0, ts(60), 0xffffffff, 1),
      ]),
    );
    expect(m.lengths).toEqual([
      { startMs: T0, elapsedS: 30.5, active: true },
      { startMs: T0 + 31_000, elapsedS: 15, active: false },
    ]);
  });

  it('reads the sport message with its name', () => {
    const sport = def(0, 12, [
      [0, 1, FIT.enum],
      [1, 1, FIT.enum],
      [3, 16, FIT.string],
    ]);
    const m = readFitMessages(encodeFit([sport, data(0, 1, 3, 'Trail')]));
    expect(m.sport).toEqual({ sport: 1, subSport: 3, name: 'Trail' });
  });
});

describe('readFitMessages(): file type and device', () => {
  const fileId = (values: (number | string)[]) =>
    encodeFit([
      def(0, 0, [
        [0, 1, FIT.enum],
        [1, 2, FIT.uint16],
        [2, 2, FIT.uint16],
        [8, 20, FIT.string],
      ]),
      data(0, ...values),
    ]);

  it.each([
    ['a product name', [4, 1, 3113, 'Forerunner 265'], 'Forerunner 265'],
    ['a known maker and a product number', [4, 1, 3113, ''], 'Garmin product 3113'],
    ['a known maker alone', [4, 294, 0xffff, ''], 'Coros'],
    ['an unknown maker', [4, 9999, 7, ''], 'manufacturer 9999 product 7'],
    ['no maker', [4, 0xffff, 7, ''], undefined],
  ] as const)('names the device from %s', (_name, values, device) => {
    const m = readFitMessages(fileId([...values]));
    expect(m.fileType).toBe(4);
    expect(m.device).toBe(device);
  });

  it('takes the recording device (index 0) of device_info over file_id, not another one', () => {
    const info = def(1, 23, [
      [0, 1, FIT.uint8],
      [2, 2, FIT.uint16],
      [4, 2, FIT.uint16],
      [27, 20, FIT.string],
    ]);
    const bytes = (index: number) =>
      encodeFit([
        def(0, 0, [
          [0, 1, FIT.enum],
          [1, 2, FIT.uint16],
        ]),
        data(0, 4, 1),
        info,
        data(1, index, 123, 5, 'Vantage V3'),
      ]);
    expect(readFitMessages(bytes(0)).device).toBe('Vantage V3');
    expect(readFitMessages(bytes(1)).device).toBe('Garmin');
  });
});

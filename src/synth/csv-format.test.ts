import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinute, toCsvCell, toPythonList } from './csv-format.ts';
import { snowflakeToMs, toSnowflake } from './snowflake.ts';
import { hashAccountId } from './account-hash.ts';
import { parseCsv } from './test-csv.ts';

describe('archive cell formats', () => {
  it('writes Python-repr lists as the archive does', () => {
    expect(toPythonList([])).toBe('[]');
    expect(toPythonList(['a', 'b'])).toBe("['a', 'b']");
    expect(toPythonList(["it's"])).toBe(`["it's"]`);
    expect(toPythonList(['تهران'])).toBe("['تهران']");
  });

  it('round-trips any cells through RFC 4180 quoting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          // A row of one empty cell is an empty line, which CSV cannot tell from nothing: skip it.
          fc.pre(rows.every((r) => !(r.length === 1 && r[0] === '')));
          const text = rows.map((r) => r.map(toCsvCell).join(',') + '\n').join('');
          expect(parseCsv(text)).toEqual(rows);
        },
      ),
    );
  });

  it('formats tweet_time as minute-resolution UTC', () => {
    expect(formatMinute(Date.UTC(2020, 0, 3, 7, 5, 59, 999))).toBe('2020-01-03 07:05');
  });

  it('decodes snowflake ids back to their millisecond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2012, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.nat(1023),
        fc.nat(4095),
        (ms, worker, seq) => {
          expect(snowflakeToMs(toSnowflake(ms, worker, seq))).toBe(ms);
        },
      ),
    );
    // A real id: 1212161620721328128 was posted at 2020-01-01 00:00:xx UTC.
    expect(new Date(snowflakeToMs(1212161620721328128n)).toISOString().slice(0, 16)).toBe(
      '2020-01-01T00:00',
    );
  });

  it('hashes account ids to 44 base64 characters, keyed by the seed', () => {
    const h = hashAccountId(1, '12345');
    expect(h).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(hashAccountId(1, '12345')).toBe(h);
    expect(hashAccountId(2, '12345')).not.toBe(h);
    expect(hashAccountId(1, '12346')).not.toBe(h);
  });
});

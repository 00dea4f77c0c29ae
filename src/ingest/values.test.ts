import { describe, expect, it } from 'vitest';
import {
  normaliseHashtag,
  parseArchiveTimeBytes,
  parseTime,
  parseUtcDateTime,
  snowflakeMs,
} from './values.ts';

describe('snowflakeMs', () => {
  it('derives ms from a snowflake id with BigInt precision', () => {
    const ms = Date.UTC(2020, 0, 1, 0, 0, 7, 123);
    const id = ((BigInt(ms) - 1288834974657n) << 22n) | 12345n;
    expect(snowflakeMs(id.toString())).toBe(ms);
  });

  it('refuses pre-snowflake ids, non-digits and times in the future', () => {
    expect(snowflakeMs('20')).toBeNull(); // Jack's first tweet: sequential id
    expect(snowflakeMs('12a')).toBeNull();
    expect(snowflakeMs('')).toBeNull();
    const future = ((BigInt(Date.now() + 5 * 365 * 86_400_000) - 1288834974657n) << 22n).toString();
    expect(snowflakeMs(future)).toBeNull();
  });
});

describe('time parsing', () => {
  it('reads the archive minute format from text and from bytes alike', () => {
    const expected = Date.UTC(2019, 6, 14, 18, 5);
    expect(parseUtcDateTime('2019-07-14 18:05')).toBe(expected);
    const b = Buffer.from('x2019-07-14 18:05y');
    expect(parseArchiveTimeBytes(b, 1, 17)).toBe(expected);
    expect(parseArchiveTimeBytes(Buffer.from('2019-02-30 10:00'), 0, 16)).toBeNull();
    expect(parseArchiveTimeBytes(Buffer.from('2019-07-14T18:05'), 0, 16)).toBeUndefined();
    expect(parseUtcDateTime('2019-13-01 10:00')).toBeNull();
    expect(parseUtcDateTime('2019-07-14 25:00')).toBeNull();
  });

  it('reads Unix seconds, Unix ms and ISO 8601', () => {
    expect(parseTime('1623881091')).toBe(1623881091000);
    expect(parseTime('1623881091123')).toBe(1623881091123);
    expect(parseTime('1623881091.5')).toBe(1623881091500);
    expect(parseTime('2021-06-16T22:04:51Z')).toBe(1623881091000);
    expect(parseTime('2021-06-16T23:04:51+01:00')).toBe(1623881091000);
    expect(parseTime('2021-06-16 22:04:51')).toBe(1623881091000);
    for (const bad of ['', 'yesterday', '12', '2021-06-16T22:04:51+25:00x', '-5'])
      expect(parseTime(bad)).toBeNull();
  });
});

describe('normaliseHashtag', () => {
  it('lower-cases, drops #, unifies Arabic and Persian letters', () => {
    expect(normaliseHashtag('#Iran')).toBe('iran');
    expect(normaliseHashtag('＃NEWS')).toBe('news');
    // Arabic yeh and kaf become their Persian forms, as everywhere else in the product.
    expect(normaliseHashtag('كربلاي')).toBe(normaliseHashtag('کربلای'));
  });
});

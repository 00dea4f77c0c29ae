import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_TWEET_COLUMNS,
  ARCHIVE_USER_COLUMNS,
  detectFormat,
  parseFieldMap,
} from './formats.ts';

describe('detectFormat', () => {
  it('recognises each format from its header', () => {
    expect(detectFormat(ARCHIVE_TWEET_COLUMNS.join(',') + '\n1,2', 'auto', false, 'f')).toBe(
      'io-archive-tweets',
    );
    expect(
      detectFormat(ARCHIVE_USER_COLUMNS.map((c) => `"${c}"`).join(',') + '\n', 'auto', false, 'f'),
    ).toBe('io-archive-users');
    expect(
      detectFormat('"object_id","account_id","content_id","timestamp_share"\n', 'auto', false, 'f'),
    ).toBe('coortweet');
    expect(detectFormat('post_id,account_id,time,text\n', 'auto', false, 'f')).toBe('csv');
    expect(detectFormat('{"id": "1", "user": "a"}\n{"id": "2"}\n', 'auto', false, 'f')).toBe(
      'jsonl',
    );
    expect(
      detectFormat(
        '{\n  "type": "bundle",\n  "id": "bundle--1",\n  "objects": []\n}',
        'auto',
        false,
        'f',
      ),
    ).toBe('stix');
    expect(detectFormat('x,y\n', 'auto', true, 'f')).toBe('csv');
  });

  it('names the expected formats and columns for an unknown file', () => {
    expect(() => detectFormat('foo,bar,baz\n1,2,3\n', 'auto', false, 'mystery.csv')).toThrow(
      /Cannot tell the format of mystery.csv/,
    );
    try {
      detectFormat('foo,bar\n', 'auto', false, 'mystery.csv');
    } catch (e) {
      const detail = (e as { detail?: string }).detail ?? '';
      expect(detail).toMatch(/io-archive tweets/);
      expect(detail).toMatch(/object_id, account_id, content_id, timestamp_share/);
      expect(detail).toMatch(/Found columns: foo, bar/);
    }
  });

  it('says which archive column is missing when --format io-archive is forced', () => {
    expect(() => detectFormat('tweetid,userid\n', 'io-archive', false, 't.csv')).toThrow(
      /column tweet_time is missing/,
    );
  });
});

describe('parseFieldMap', () => {
  it('parses field=column pairs across several options', () => {
    expect(parseFieldMap(['post_id=id,time=created_at', 'url=link'])).toEqual({
      post_id: 'id',
      time: 'created_at',
      url: 'link',
    });
  });
  it('refuses unknown fields and malformed pairs', () => {
    expect(() => parseFieldMap(['postid=id'])).toThrow(/unknown field 'postid'/);
    expect(() => parseFieldMap(['post_id'])).toThrow(/field=column/);
  });
});

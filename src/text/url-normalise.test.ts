import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hostOfUrl, normaliseUrl, registrableDomain } from './index.ts';

describe('normaliseUrl', () => {
  it('gives the link-farm variants of one page the same key', () => {
    const variants = [
      'http://example.com/news/story-1',
      'https://example.com/news/story-1',
      'https://www.example.com/news/story-1/',
      'https://m.example.com/news/story-1?utm_source=tw&utm_medium=social',
      'HTTPS://WWW.EXAMPLE.COM:443/news/story-1#comments',
      'http://mobile.example.com:80/news/story-1?fbclid=abc&gclid=x',
      'example.com/news/story-1',
      '//www.example.com/news/story-1?ref=home',
    ];
    const keys = new Set(variants.map((v) => normaliseUrl(v)));
    expect([...keys]).toEqual(['example.com/news/story-1']);
  });

  it('keeps the path case and the meaningful query parameters, sorted', () => {
    expect(normaliseUrl('https://Example.com/A/b?z=1&a=2&utm_campaign=x')).toBe(
      'example.com/A/b?a=2&z=1',
    );
    expect(normaliseUrl('https://news.site/p?id=7')).not.toBe(
      normaliseUrl('https://news.site/p?id=8'),
    );
  });

  it('drops s/t only on twitter.com and x.com, si only on youtube and spotify', () => {
    expect(normaliseUrl('https://twitter.com/a/status/1?s=20&t=abc')).toBe(
      'twitter.com/a/status/1',
    );
    expect(normaliseUrl('https://x.com/a/status/1?s=19')).toBe('x.com/a/status/1');
    expect(normaliseUrl('https://shop.example/search?s=shoes')).toBe('shop.example/search?s=shoes');
    expect(normaliseUrl('https://youtu.be/abc?si=XYZ')).toBe('youtu.be/abc');
    expect(normaliseUrl('https://www.youtube.com/watch?v=abc&si=q')).toBe(
      'youtube.com/watch?v=abc',
    );
    expect(normaliseUrl('https://example.org/watch?v=abc&si=q')).toBe(
      'example.org/watch?si=q&v=abc',
    );
  });

  it('keeps non-default ports and drops credentials', () => {
    expect(normaliseUrl('http://user:pw@example.com:8080/x')).toBe('example.com:8080/x');
  });

  it('returns null for what is not an http(s) link, and never throws', () => {
    for (const bad of [
      '',
      '   ',
      'not a url',
      'mailto:a@b.c',
      'javascript:alert(1)',
      'ftp://x.org/f',
      'http://',
      'a'.repeat(9000),
    ]) {
      expect(normaliseUrl(bad)).toBeNull();
    }
  });

  it('is idempotent (property)', () => {
    const urlish = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.string(),
      fc
        .tuple(
          fc.constantFrom('http://', 'https://', '', '//'),
          fc.constantFrom('www.', 'm.', 'mobile.', 'www.m.', ''),
          fc.domain(),
          fc.webPath(),
          fc.webQueryParameters(),
        )
        .map(([s, p, d, path, q]) => `${s}${p}${d}${path}?${q}&utm_source=x`),
    );
    fc.assert(
      fc.property(urlish, (u) => {
        const once = normaliseUrl(u);
        if (once === null) return true;
        return normaliseUrl(once) === once;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hostOfUrl and registrableDomain', () => {
  it('gives the host without www./m. and the eTLD+1', () => {
    expect(hostOfUrl('https://www.presstv.ir/Detail/2020/01/03')).toBe('presstv.ir');
    expect(hostOfUrl('https://m.example.com:8443/x')).toBe('example.com');
    expect(registrableDomain('https://news.bbc.co.uk/a')).toBe('bbc.co.uk');
    expect(registrableDomain('https://en.irna.ir/news')).toBe('irna.ir');
    expect(registrableDomain('example.com')).toBe('example.com');
    expect(registrableDomain('nonsense')).toBeNull();
  });
});

describe('normaliseUrl on opaque ids', () => {
  it('does not turn a number into an IPv4 host', () => {
    expect(normaliseUrl('23678')).toBeNull();
    expect(normaliseUrl('http://23678/x')).toBeNull();
    expect(normaliseUrl('http://192.168.0.1/x')).toBe('192.168.0.1/x');
  });
});

// PageCache's own rules, without a server: scopes, the epoch guard and the bypass.
import { describe, expect, it } from 'vitest';
import { cachedBody } from './cached-body.ts';
import { PageCache, PLATFORM } from './page-cache.ts';

const body = (text: string) => cachedBody(text, 'application/json; charset=utf-8');

describe('PageCache', () => {
  it("when an institution changes, then its entries and the platform's go and another's stay", () => {
    const cache = new PageCache();
    cache.set('a', 'milano', body('a'));
    cache.set('b', 'firenze', body('b'));
    cache.set('all', PLATFORM, body('all'));
    cache.invalidate('milano');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('all')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
  });

  it('when a change is heard while an answer is being built, then the answer is not kept', async () => {
    const cache = new PageCache();
    const readAt = cache.epoch;
    cache.invalidate('milano');
    cache.set('a', 'milano', body('stale'), readAt);
    cache.rememberAddress('/a', 'milano', body('stale'), readAt);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 'milano', body('fresh'), cache.epoch);
    expect(cache.get('a')?.raw.toString()).toBe('fresh');

    const value = await cache.remember(
      'v',
      async () => {
        cache.invalidate(PLATFORM);
        return 'stale';
      },
      () => 'milano',
    );
    expect(value).toBe('stale');
    expect(
      await cache.remember(
        'v',
        async () => 'fresh',
        () => 'milano',
      ),
    ).toBe('fresh');
  });

  it('when the bypass rule matches, then the cache says so', () => {
    const cache = new PageCache({ bypass: (headers) => headers.authorization !== undefined });
    expect(cache.bypasses({ authorization: 'Bearer x' })).toBe(true);
    expect(cache.bypasses({})).toBe(false);
    expect(new PageCache().bypasses({ authorization: 'Bearer x' })).toBe(false);
  });
});

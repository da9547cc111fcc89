import { describe, expect, it } from 'vitest';
import { parseLocationFilters } from '@/components/locations/location-url-filters';

/** Issue 10: the locations list keeps its filters in the address; a shared link must never break it. */
describe('the locations list filters read from the URL', () => {
  it('keeps the filters the server accepts', () => {
    expect(
      parseLocationFilters({ status: 'active', type: 'buying', basin: 'Permian', q: 'midland' }),
    ).toEqual({
      status: 'active',
      type: 'buying',
      basin: 'Permian',
      q: 'midland',
    });
  });

  it('drops an unknown status or type instead of sending a request the server refuses', () => {
    expect(parseLocationFilters({ status: 'deleted', type: 'spaceport' })).toEqual({});
  });

  it('reads a basin in any case or under another name as its canonical name', () => {
    expect(parseLocationFilters({ basin: 'permian basin' }).basin).toBe('Permian');
    expect(parseLocationFilters({ basin: 'MARCELLUS' }).basin).toBe('Appalachian');
    expect(parseLocationFilters({ basin: 'Atlantis' }).basin).toBeUndefined();
  });

  it('trims the search, drops a blank one and cuts a long one to the server limit', () => {
    expect(parseLocationFilters({ q: '  tx  ' }).q).toBe('tx');
    expect(parseLocationFilters({ q: '   ' }).q).toBeUndefined();
    expect(parseLocationFilters({ q: 'x'.repeat(500) }).q).toHaveLength(200);
  });

  it('treats absent and null values as no filter', () => {
    expect(parseLocationFilters({ status: null, type: undefined, basin: '', q: null })).toEqual({});
  });
});

// The URL is the app's state: each screen parameter reads back as it was written, and a link to a
// Production preview carries the file it shows.
import { describe, expect, it } from 'vitest';
import { emptyScreen, parseUrl, toSearch, VIEW_LABELS, VIEWS, type UrlState } from '../../src/app/lib/url-state';

const run = { seed: '21', customers: '500' };

describe('url state', () => {
  it('has a label for every view, Production after Quality', () => {
    expect(VIEWS.slice(-2)).toEqual(['quality', 'production']);
    for (const v of VIEWS) expect(VIEW_LABELS[v]).toBeTruthy();
    expect(VIEW_LABELS.production).toBe('Production');
  });

  const cases: { name: string; state: UrlState; search: string }[] = [
    { name: 'a view alone', state: { run, screen: emptyScreen('production') }, search: '?seed=21&customers=500&view=production' },
    {
      name: 'a previewed export file, slashes kept readable',
      state: { run, screen: { ...emptyScreen('production'), file: 'export/kafka/orders.cdc.jsonl' } },
      search: '?seed=21&customers=500&view=production&file=export/kafka/orders.cdc.jsonl',
    },
    {
      name: 'a table with sort, filter and page',
      state: { run, screen: { ...emptyScreen('layers'), table: 'gold/customer_360.csv', sort: [{ column: 'revenue_90d', desc: true }], filters: [{ column: 'segment', op: 'eq', value: 'Champion' }], page: 2 } },
      search: '?seed=21&customers=500&view=layers&table=gold/customer_360.csv&sort=-revenue_90d&f=segment:eq:Champion&page=2',
    },
  ];
  for (const c of cases) {
    it(`writes and reads back ${c.name}`, () => {
      expect(toSearch(c.state)).toBe(c.search);
      expect(parseUrl(c.search)).toEqual(c.state);
    });
  }

  it('reads an unknown view as the overview and no file as undefined', () => {
    const { screen } = parseUrl('?view=nope');
    expect(screen.view).toBe('overview');
    expect(screen.file).toBeUndefined();
  });
});

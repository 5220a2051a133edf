import { describe, expect, it } from 'vitest';
import {
  escapeXml,
  legendSymbol,
  locatorMapSvg,
  MAP_COLOURS,
  type MapPoint,
  worldBase,
  worldMapSvg,
} from './world-map.ts';

const point = (id: string, lon: number, lat: number, tone: MapPoint['tone'] = 'active'): MapPoint => ({
  id,
  lon,
  lat,
  tone,
  label: `${id} — gemellaggio, ${tone === 'inactive' ? 'sospeso' : 'attivo'}`,
  href: `/it/gemellaggi/${id}`,
});

const MILAN = point('milano', 9.19, 45.46);
const MELBOURNE = point('melbourne', 144.96, -37.81, 'shared');
const CHICAGO = point('chicago', -87.63, 41.88, 'inactive');

const TWENTY: MapPoint[] = [
  MILAN,
  MELBOURNE,
  CHICAGO,
  point('san-francisco', -122.42, 37.77),
  point('toronto', -79.38, 43.65, 'shared'),
  point('san-paolo', -46.63, -23.55),
  point('buenos-aires', -58.38, -34.6, 'inactive'),
  point('francoforte', 8.68, 50.11),
  point('lione', 4.84, 45.76),
  point('cracovia', 19.94, 50.06),
  point('san-pietroburgo', 30.31, 59.94, 'inactive'),
  point('betlemme', 35.2, 31.7),
  point('dakar', -17.47, 14.72),
  point('mumbai', 72.88, 19.08),
  point('shanghai', 121.47, 31.23, 'shared'),
  point('nanchino', 118.8, 32.06),
  point('osaka', 135.5, 34.69),
  point('tel-aviv', 34.78, 32.08, 'inactive'),
  point('kiev', 30.52, 50.45),
  point('birmingham', -1.9, 52.49),
];

const world = (points: MapPoint[], extra: { idPrefix?: string; width?: number } = {}) =>
  worldMapSvg({ points, title: 'Le città partner', description: 'Mappa del mondo.', ...extra });

/** Checks that every tag is closed in order (a small XML well-formedness check). */
function assertBalanced(svg: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
    expect(svg.slice(last, m.index), 'text between tags has no stray "<"').not.toMatch(/</);
    last = tag.lastIndex;
    const [, close, name, , selfClosing] = m;
    if (selfClosing) continue;
    if (close) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else stack.push(name!);
  }
  expect(svg.slice(last)).toBe('');
  expect(stack).toEqual([]);
}

function viewBox(svg: string): { width: number; height: number } {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  expect(m).not.toBeNull();
  return { width: Number(m![1]), height: Number(m![2]) };
}

function circleOf(svg: string, id: string): { x: number; y: number } {
  const m = new RegExp(`id="world-map-pt-${id}"[^>]*><circle [^>]*cx="([\\d.-]+)" cy="([\\d.-]+)"`).exec(svg);
  expect(m, id).not.toBeNull();
  return { x: Number(m![1]), y: Number(m![2]) };
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('worldMapSvg', () => {
  it('when rendered with twenty points, then the SVG is well formed and names itself by its title and desc', () => {
    const svg = world(TWENTY);
    assertBalanced(svg);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" [^>]*role="group"/);
    expect(svg).toContain('aria-labelledby="world-map-title" aria-describedby="world-map-desc"');
    expect(svg).toContain('<title id="world-map-title">Le città partner</title>');
    expect(svg).toContain('<desc id="world-map-desc">Mappa del mondo.</desc>');
  });

  it('when rendered, then each point is one link with its href, accessible name and tone classes', () => {
    const svg = world(TWENTY);
    const links = [...svg.matchAll(/<a class="pt-link" id="([^"]+)" href="([^"]+)" aria-label="([^"]+)">/g)];
    expect(links).toHaveLength(TWENTY.length);
    for (const p of TWENTY) {
      expect(
        links.some(
          ([, id, href, label]) => id === `world-map-pt-${p.id}` && href === p.href && label === p.label,
        ),
      ).toBe(true);
    }
    for (const tone of ['active', 'inactive', 'shared'] as const) {
      const n = TWENTY.filter((p) => p.tone === tone).length;
      expect(svg.match(new RegExp(`class="pt pt-${tone}"`, 'g')) ?? []).toHaveLength(n);
    }
    expect(svg).toMatch(/<path class="map-land" d="M[^"]+"/);
    expect(svg).toMatch(/<g aria-hidden="true"><path class="map-sea"/);
  });

  it('when a legend shows a tone, then its symbol is drawn with the same radius and paint as the points, hidden from screen readers', () => {
    const svg = world([MILAN, MELBOURNE, CHICAGO]);
    for (const tone of ['active', 'inactive', 'shared'] as const) {
      const drawn = svg.match(
        new RegExp(`<circle class="pt pt-${tone}" cx="[^"]+" cy="[^"]+" (r="[^"]+" [^/]*)/>`),
      );
      expect(drawn, tone).not.toBeNull();
      const symbol = legendSymbol(tone);
      expect(symbol).toContain(drawn![1]!.trim());
      expect(symbol).toMatch(/^<svg [^>]*aria-hidden="true"/);
    }
    expect(legendSymbol('inactive')).toContain(`fill="${MAP_COLOURS.sea}" stroke="${MAP_COLOURS.inactive}"`);
  });

  it('when Milan, Melbourne and Chicago are drawn, then they land upper-middle, lower-right and upper-left', () => {
    const svg = world([MILAN, MELBOURNE, CHICAGO]);
    const { width, height } = viewBox(svg);
    const milan = circleOf(svg, 'milano');
    const melbourne = circleOf(svg, 'melbourne');
    const chicago = circleOf(svg, 'chicago');
    for (const p of [milan, melbourne, chicago]) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(width);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(height);
    }
    expect(milan.x / width).toBeGreaterThan(0.48);
    expect(milan.x / width).toBeLessThan(0.6);
    expect(milan.y / height).toBeLessThan(0.35);
    expect(melbourne.x / width).toBeGreaterThan(0.8);
    expect(melbourne.y / height).toBeGreaterThan(0.65);
    expect(chicago.x / width).toBeLessThan(0.3);
    expect(chicago.y / height).toBeLessThan(0.35);
  });

  it('when a label, href and id carry markup and quotes, then they come out escaped', () => {
    const evil: MapPoint = {
      id: 'x" onfocus="alert(1)',
      lon: 0,
      lat: 0,
      tone: 'active',
      label: `<script>alert("x")</script> & l'altro`,
      href: '/it/p?a=1&b="2"',
    };
    const svg = worldMapSvg({
      points: [evil],
      title: '<b>Città</b> & "partner"',
      description: "l'elenco <script>",
      idPrefix: 'm"><script>',
    });
    assertBalanced(svg);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('aria-label="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#39;altro"');
    expect(svg).toContain('href="/it/p?a=1&amp;b=&quot;2&quot;"');
    expect(svg).toContain('&lt;b&gt;Città&lt;/b&gt; &amp; &quot;partner&quot;');
    expect(svg).toContain('id="m___script_-pt-x__onfocus__alert_1_"');
    expect(escapeXml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('when two maps share a page with different prefixes, then their ids do not collide', () => {
    const a = world([MILAN], { idPrefix: 'home' });
    const b = world([MILAN], { idPrefix: 'list' });
    const ids = (s: string) => [...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const all = [...ids(a), ...ids(b)];
    expect(new Set(all).size).toBe(all.length);
    expect(a).toContain('aria-labelledby="home-title"');
  });

  it('when points overlap, then larger discs come first so smaller ones are drawn on top', () => {
    const svg = world([point('a', 9, 45), point('b', 9, 45, 'shared'), point('c', 9, 45, 'inactive')]);
    const order = [...svg.matchAll(/id="world-map-pt-(\w+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['b', 'a', 'c']);
  });

  it('when a point has coordinates outside the globe, then it is left out and the rest are drawn', () => {
    const svg = world([MILAN, point('nowhere', Number.NaN, 0), point('far', 200, 95)]);
    expect(svg.match(/<a /g)).toHaveLength(1);
    assertBalanced(svg);
  });

  it('when a width is given, then width and height follow the aspect ratio; otherwise neither is written', () => {
    const base = worldBase();
    expect(world([], { width: 480 })).toContain(
      ` width="480" height="${Math.round((480 * base.height * 10) / base.width) / 10}"`,
    );
    expect(world([])).not.toMatch(/<svg[^>]* width=/);
  });

  it('when the world map has twenty points, then it stays under 40 KB', () => {
    expect(Buffer.byteLength(world(TWENTY))).toBeLessThan(40_000);
  });

  it('when called twice, then the projected land is computed once and reused', () => {
    const first = worldBase();
    const svg = world([MILAN]);
    expect(worldBase()).toBe(first);
    expect(svg).toContain(`d="${first.land}"`);
  });

  it('when the tone colours are compared with sea and land, then each has at least 3:1 contrast', () => {
    for (const tone of [MAP_COLOURS.active, MAP_COLOURS.inactive, MAP_COLOURS.shared]) {
      for (const ground of [MAP_COLOURS.sea, MAP_COLOURS.land, MAP_COLOURS.locatorSea]) {
        expect(contrast(tone, ground), `${tone} on ${ground}`).toBeGreaterThanOrEqual(3);
      }
    }
    expect(contrast(MAP_COLOURS.coast, MAP_COLOURS.sea)).toBeGreaterThanOrEqual(3);
  });
});

describe('locatorMapSvg', () => {
  const chicago = () =>
    locatorMapSvg({
      lon: -87.63,
      lat: 41.88,
      title: 'Chicago',
      description: "Chicago, sul lago Michigan & l'Illinois",
    });

  it('when rendered, then it is one well-formed image with title and desc and nothing focusable', () => {
    const svg = chicago();
    assertBalanced(svg);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 320 180"[^>]* role="img"/);
    expect(svg).toContain('<title id="locator-map-title">Chicago</title>');
    expect(svg).toContain(
      '<desc id="locator-map-desc">Chicago, sul lago Michigan &amp; l&#39;Illinois</desc>',
    );
    expect(svg).not.toMatch(/<a[\s>]|tabindex/);
    expect(svg).toMatch(/<path class="map-land" d="M[^"]+"/);
  });

  it('when rendered, then the place is marked at the centre of the frame', () => {
    expect(chicago()).toContain('<circle class="pt pt-active" cx="160" cy="90"');
  });

  it('when the place is in mid-ocean near the antimeridian, then the frame is drawn without error', () => {
    const svg = locatorMapSvg({ lon: 179.9, lat: -16.8, title: 'Figi', description: 'Figi', idPrefix: 'fj' });
    assertBalanced(svg);
    expect(svg).toContain('id="fj-title"');
  });

  it('when the coordinates are invalid, then the frame has no land and no marker', () => {
    const svg = locatorMapSvg({ lon: Number.NaN, lat: 0, title: 't', description: 'd' });
    assertBalanced(svg);
    expect(svg).not.toContain('<circle');
    expect(svg).not.toContain('map-land');
  });

  it('when the same place is drawn twice, then the output is identical and small', () => {
    const a = chicago();
    expect(chicago()).toBe(a);
    expect(Buffer.byteLength(a)).toBeLessThan(8_000);
  });
});

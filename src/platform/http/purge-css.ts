// bootstrap-italia's stylesheet reduced to the rules Ponte's pages use: 600 KB becomes about 55 KB (14 KB with
// brotli), which keeps a first visit within its weight budget. The result is committed
// (src/features/portal/assets/bootstrap-italia.purged.css); `npm run css` rewrites it, and a test fails when
// the views use a class the committed file lacks.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PurgeCSS } from 'purgecss';
import { PROJECT_ROOT as ROOT } from '../paths.ts';

const require = createRequire(import.meta.url);

export { PURGED_CSS_FILE } from './assets.ts';
export const FULL_CSS_FILE = join(
  dirname(require.resolve('bootstrap-italia/package.json')),
  'dist/css/bootstrap-italia.min.css',
);

export async function purgedCss(): Promise<string> {
  const [result] = await new PurgeCSS().purge({
    // Every class a page can carry is a literal in the views (TSX, and the view helpers beside them); other
    // sources stay out so that a new table or service cannot change the stylesheet.
    content: [
      join(ROOT, 'src/**/*.tsx'),
      join(ROOT, 'src/views/**/*.ts'),
      join(ROOT, 'src/features/*/views/**/*.ts'),
    ],
    css: [FULL_CSS_FILE],
    // Custom properties (--bootstrap-italia-version, which the official validator reads), fonts and
    // animations stay whole.
    variables: false,
    fontFace: false,
    keyframes: false,
    safelist: { standard: ['html', 'body'] },
  });
  const version = require('bootstrap-italia/package.json').version as string;
  // bootstrap-italia's file begins with a byte-order mark. Once the file is no longer first, that character
  // would glue itself to the next selector ("\uFEFF:root"), which then matches nothing: the version variable
  // the official validator looks for (C.SI.1.2) would vanish. No BOM anywhere, then.
  const css = result!.css.replaceAll('\uFEFF', '');
  return `/* bootstrap-italia ${version}, reduced by Ponte (npm run css) */\n${FONT_FACES}\n${css}\n`;
}

// bootstrap-italia 2 declares its fonts from JavaScript at run time; Ponte's pages load no script, so the
// stylesheet declares them. Only the faces the pages use; the browser downloads only those a page renders.
const FACES: [weight: number, style: 'normal' | 'italic', file: string][] = [
  [300, 'normal', '300'],
  [400, 'normal', 'regular'],
  [400, 'italic', 'italic'],
  [600, 'normal', '600'],
  [700, 'normal', '700'],
];
const FONT_FACES = FACES.map(
  ([weight, style, file]) =>
    `@font-face{font-family:"Titillium Web";font-style:${style};font-weight:${weight};font-display:swap;` +
    `src:url(../fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-${file}.woff2) format("woff2")}`,
).join('\n');

// `npx tsx scripts/function-lengths.ts [dir] [max]`: the functions of production files (tests aside) longer than
// max lines (default 150), longest first: the limit docs/ARCHITECTURE.md sets for the code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const [root = 'src', maxArg = '150'] = process.argv.slice(2);
const max = Number(maxArg);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return /\.tsx?$/.test(e.name) && !/\.test\./.test(e.name) ? [path] : [];
  });
}

const long: { lines: number; where: string; name: string }[] = [];
for (const file of files(root)) {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      const name = 'name' in node && node.name ? node.name.getText(source) : '(anonymous)';
      if (last - first + 1 > max)
        long.push({ lines: last - first + 1, where: `${file}:${first}-${last}`, name });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
for (const f of long.sort((a, b) => b.lines - a.lines)) console.log(`${f.lines}\t${f.where}\t${f.name}`);
console.log(`${long.length} function(s) over ${max} lines in ${root}`);

// sourceHash hashes the inputs of the build: every file under src/ plus
// index.html, vite.config.js, package.json and package-lock.json, in path
// order, as SHA-256 over "path\0content\0" for each. internal/web's Go test
// computes the same hash to check that the committed dist is up to date.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const roots = ['src', 'scripts', 'index.html', 'vite.config.js', 'package.json', 'package-lock.json'];

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
}

export function sourceHash(webDir) {
  const files = [];
  for (const r of roots) {
    const p = join(webDir, r);
    if (!existsSync(p)) continue;
    if (statSync(p).isDirectory()) walk(p, files);
    else files.push(p);
  }
  const rel = files.map((f) => relative(webDir, f).split(sep).join('/')).sort();
  const h = createHash('sha256');
  for (const f of rel) {
    h.update(f + '\0');
    h.update(readFileSync(join(webDir, f)));
    h.update('\0');
  }
  return h.digest('hex');
}

// `node scripts/sourcehash.js --stale` exits 0 when internal/web/dist was
// built from other sources (or is missing) and 1 when it is up to date, so
// scripts/deps.sh builds (and installs the npm packages) only when needed.
if (process.argv[1] && process.argv[1].endsWith('sourcehash.js') && process.argv[2] === '--stale') {
  const webDir = join(import.meta.dirname, '..');
  let built = '';
  try {
    built = JSON.parse(readFileSync(join(webDir, '../internal/web/dist/build.json'), 'utf8')).source_sha256;
  } catch {
    // no build yet
  }
  process.exit(built === sourceHash(webDir) ? 1 : 0);
}

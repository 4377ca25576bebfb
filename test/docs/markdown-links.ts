// Relative links in Markdown files and whether they resolve: the file must exist and, for a link to a
// heading, the heading must too (GitHub's anchor for it). External links are not followed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Link {
  from: string;
  target: string;
}

const FENCE = /^\s*(```|~~~)/;
const INLINE_CODE = /`[^`]*`/g;
// [text](target) and ![alt](target), the text allowing one level of nested brackets; an optional title
const LINK = /!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Lines outside fenced code blocks. */
function proseLines(markdown: string): string[] {
  const lines: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (!fenced) lines.push(line);
  }
  return lines;
}

export function linksIn(file: string): Link[] {
  const links: Link[] = [];
  for (const line of proseLines(readFileSync(file, 'utf8'))) {
    for (const match of line.replace(INLINE_CODE, '').matchAll(LINK))
      links.push({ from: file, target: match[1]! });
  }
  return links;
}

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = heading[1]!
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*`]/g, '')
      .toLowerCase();
    const base = text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Why a relative link does not resolve, or undefined when it does (or is not relative). */
export function problemWith(link: Link): string | undefined {
  if (SCHEME.test(link.target)) return undefined;
  const [rawPath, anchor] = link.target.split('#', 2) as [string, string | undefined];
  const file = rawPath === '' ? link.from : path.resolve(path.dirname(link.from), decodeURI(rawPath));
  if (!existsSync(file)) return `no such file: ${path.relative(process.cwd(), file)}`;
  if (anchor === undefined || anchor === '') return undefined;
  if (statSync(file).isDirectory() || !file.endsWith('.md')) return `an anchor on a non-Markdown target`;
  return headingAnchors(readFileSync(file, 'utf8')).has(decodeURIComponent(anchor))
    ? undefined
    : `no heading for #${anchor}`;
}

/** Every Markdown file under `dir`, skipping dependencies and hidden folders. */
export function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : markdownFiles(full);
    }
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

/** The Markdown files reachable from `start` by relative links. */
export function reachableFrom(start: string): Set<string> {
  const reached = new Set<string>([path.resolve(start)]);
  const queue = [path.resolve(start)];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const link of linksIn(file)) {
      if (SCHEME.test(link.target) || problemWith(link)) continue;
      const rawPath = link.target.split('#', 1)[0]!;
      if (!rawPath.endsWith('.md')) continue;
      const target = path.resolve(path.dirname(file), decodeURI(rawPath));
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return reached;
}

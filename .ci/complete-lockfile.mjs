#!/usr/bin/env node
// npm leaves platform-specific optional packages out of package-lock.json when the registry it
// resolves against has no metadata for that exact version (the registry mirror reachable here lacks
// some @rollup/* and @biomejs/* binaries for other platforms; see also npm/cli#4828). npm 11's
// `npm ci` then refuses the lockfile. This adds the missing entries with their os/cpu/libc, taken from
// the registry when it knows the package (any version) and otherwise from the package's name, so that
// `npm ci` accepts the lockfile and skips them on platforms they are not for.
// Run after changing dependencies: node .ci/complete-lockfile.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key] || packages[`${path}/node_modules/${name}`]) continue;
    const version = range.replace(/^[~^]/, '');
    const meta2 = view(name, version) ?? view(name, null) ?? {};
    const guess = fromName(name);
    const entry = { version };
    if (meta2['dist.integrity'] && meta2.version === version) entry.integrity = meta2['dist.integrity'];
    const cpu = meta2.cpu ?? guess.cpu;
    const libc = meta2.libc ?? guess.libc;
    const os = meta2.os ?? guess.os;
    if (cpu) entry.cpu = cpu;
    if (meta.dev) entry.dev = true;
    if (libc) entry.libc = libc;
    entry.optional = true;
    if (os) entry.os = os;
    packages[key] = entry;
    added += 1;
    console.log(`added ${key}@${version}`);
  }
}
function view(name, version) {
  try {
    const out = execFileSync(
      'npm',
      [
        'view',
        version ? `${name}@${version}` : name,
        'version',
        'dist.integrity',
        'os',
        'cpu',
        'libc',
        '--json',
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    const v = JSON.parse(out);
    return Array.isArray(v) ? v.at(-1) : v;
  } catch {
    return null;
  }
}

/** "@rollup/rollup-linux-arm-musleabihf" → { os: ['linux'], cpu: ['arm'], libc: ['musl'] }. */
function fromName(name) {
  const parts = name.split('/').pop().split('-');
  const oses = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openbsd', 'sunos', 'aix', 'openharmony'];
  const cpus = ['arm64', 'x64', 'arm', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el'];
  const os = parts.find((p) => oses.includes(p));
  const cpu = parts.find((p) => cpus.includes(p));
  const libc = parts.some((p) => p.startsWith('musl'))
    ? 'musl'
    : parts.some((p) => p.startsWith('gnu')) && os === 'linux'
      ? 'glibc'
      : null;
  return { os: os ? [os] : null, cpu: cpu ? [cpu] : null, libc: libc ? [libc] : null };
}

// Entries added while the registry lacked their version have no integrity hash: fill it in (with
// the tarball address npm would record) once the registry knows the exact version.
let hashed = 0;
for (const [path, meta] of Object.entries(packages)) {
  if (!path || meta.integrity || meta.link) continue;
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const known = view(name, meta.version);
  if (!known?.['dist.integrity'] || known.version !== meta.version) {
    console.log(`no integrity for ${name}@${meta.version}: the registry does not know that version`);
    continue;
  }
  meta.resolved = `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${meta.version}.tgz`;
  meta.integrity = known['dist.integrity'];
  hashed += 1;
}
console.log(`${hashed} integrity hashes added`);

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${added} lockfile entries added`);

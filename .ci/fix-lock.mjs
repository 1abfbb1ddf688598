// Some platform packages (e.g. @astrojs/compiler-binding-darwin-arm64) are missing
// from the registry mirror this project is built against, so `npm install` leaves
// them out of package-lock.json and `npm ci` then refuses the lock file. This adds a
// stub entry, with the os/cpu its name announces, for every such optional dependency:
// npm ci skips them as foreign platforms instead of failing.
// Run after `npm install` changed the lock: `node .ci/fix-lock.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const OS = ['android', 'darwin', 'linux', 'win32', 'freebsd', 'openbsd', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'wasm32', 'ppc64', 's390x', 'riscv64', 'loong64'];

const out = {};
let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  out[key] = entry;
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const depKey = `node_modules/${dep}`;
    if (lock.packages[depKey] || out[depKey]) continue;
    const tokens = dep.split('/').pop().split('-');
    const os = tokens.filter((t) => OS.includes(t));
    const cpu = tokens.filter((t) => CPU.includes(t));
    if (cpu.length === 0 && os.length === 0) continue; // not a platform package: leave it to npm
    const libc = tokens.includes('musl') ? ['musl'] : tokens.includes('gnu') ? ['glibc'] : undefined;
    out[depKey] = {
      version,
      ...(cpu.length ? { cpu } : {}),
      ...(os.length ? { os } : {}),
      ...(libc ? { libc } : {}),
      optional: true,
    };
    added++;
  }
}
lock.packages = out;
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`fix-lock: ${added} missing platform ${added === 1 ? 'entry' : 'entries'} added`);

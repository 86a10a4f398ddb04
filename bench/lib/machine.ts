import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

function javaVersion(): string {
  // `java -version` prints to stderr.
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return `${out.stderr ?? ''}${out.stdout ?? ''}`.split('\n')[0]?.trim() || 'unknown';
}

/** The machine a run was taken on, recorded next to its figures (the load average says how shared it was). */
export function machineInfo() {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    java: javaVersion(),
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

function javaVersion(): string {
  try {
    const out = execFileSync('java', ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out.split('\n')[0] ?? 'unknown';
  } catch (err) {
    return String((err as { stderr?: string }).stderr ?? 'unknown').split('\n')[0] ?? 'unknown';
  }
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

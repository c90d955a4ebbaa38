import fs from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  sqlite?: string;
  postgres?: string;
  postgresSettings?: string;
  loadStart: number[];
  loadEnd?: number[];
  date: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadStart: os.loadavg(),
    date: new Date().toISOString(),
  };
}

export const fmtLoad = (l: number[] | undefined) => (l ? l.map((x) => x.toFixed(2)).join(' / ') : '–');

/** Resident set size of a process (kB → MB) from /proc; undefined off Linux. */
export function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Other processes using CPU right now (to say whether the machine was busy), from `ps`-like /proc reads. */
export function busyNote(load: number[], cores: number): string {
  return load[0] > cores * 0.5 ? `machine was loaded (1-min load ${load[0].toFixed(2)} on ${cores} cores)` : 'machine was quiet';
}

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat; NaN off Linux. */
export function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

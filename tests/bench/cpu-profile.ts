import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reads a V8 CPU profile (`.cpuprofile`, what `node --cpu-prof` and the inspector's Profiler write) and
 * says where the time went: self time by function and by area (an npm package, a folder of the repo,
 * Node's internals), and inclusive time by function (a frame counted once per sample however deep it
 * recurs), so "what around the HMAC costs" can be read off the same profile.
 */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FrameTime {
  frame: string;
  area: string;
  ms: number;
  /** Share of the profile's busy time (idle excluded). */
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  selfByFrame: FrameTime[];
  selfByArea: FrameTime[];
  inclusiveByFrame: FrameTime[];
}

/** Where a script belongs: its npm package, a repository folder (two levels deep), or Node. */
export function areaOf(url: string, repoRoot: string): string {
  if (url === '') return '(native)';
  if (url.startsWith('node:')) return 'node';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first, second] = path.slice(modules + '/node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? path);
  }
  const inRepo = relative(repoRoot, path);
  if (inRepo.startsWith('..')) return path;
  const parts = inRepo.split('/');
  return parts.length > 3 ? parts.slice(0, 3).join('/') : parts.slice(0, -1).join('/') || inRepo;
}

export function summarizeProfile(profile: CpuProfile, repoRoot: string, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frameOf = new Map<number, { frame: string; area: string }>();
  for (const n of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = n.callFrame;
    const area = areaOf(url, repoRoot);
    const where =
      url === ''
        ? ''
        : ` ${area === 'node' ? url : relativeUrl(url, repoRoot)}:${lineNumber + 1}:${columnNumber + 1}`;
    frameOf.set(n.id, { frame: `${functionName || '(anonymous)'}${where}`, area });
  }
  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areaOfFrame = new Map<string, string>();
  let busyUs = 0;
  let idleUs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // The delta after a sample is the time that sample stands for.
    const dt = deltas[i + 1] ?? 0;
    const id = samples[i] as number;
    const f = frameOf.get(id);
    if (!f) continue;
    if (byId.get(id)?.callFrame.functionName === '(idle)') {
      idleUs += dt;
      continue;
    }
    busyUs += dt;
    self.set(f.frame, (self.get(f.frame) ?? 0) + dt);
    areas.set(f.area, (areas.get(f.area) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const g = frameOf.get(at);
      if (!g || seen.has(g.frame)) continue;
      seen.add(g.frame);
      areaOfFrame.set(g.frame, g.area);
      inclusive.set(g.frame, (inclusive.get(g.frame) ?? 0) + dt);
    }
  }
  const rank = (m: Map<string, number>, area: (key: string) => string): FrameTime[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([frame, us]) => ({
        frame,
        area: area(frame),
        ms: us / 1000,
        share: busyUs > 0 ? us / busyUs : 0,
      }));
  const areaOfSelf = new Map([...frameOf.values()].map((f) => [f.frame, f.area]));
  return {
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    selfByFrame: rank(self, (k) => areaOfSelf.get(k) ?? ''),
    selfByArea: rank(areas, (k) => k),
    inclusiveByFrame: rank(inclusive, (k) => areaOfFrame.get(k) ?? ''),
  };
}

function relativeUrl(url: string, repoRoot: string): string {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const modules = path.lastIndexOf('/node_modules/');
  return modules >= 0 ? path.slice(modules + '/node_modules/'.length) : relative(repoRoot, path);
}

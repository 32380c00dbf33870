import { describe, expect, it } from 'vitest';
import { JAVA_PACKAGES, pickPackage, planJava } from './prepare';

const missing = {
  ok: false as const,
  problem:
    'DynamoDB Local needs Java, and `java` was not found. Install Java 17 or newer (Debian/Ubuntu: …) and run again.',
};
const tooOld = {
  ok: false as const,
  problem: 'DynamoDB Local needs Java 17+, found: openjdk version "11.0.2". Install …',
};

describe('npm start / npm test: Java', () => {
  it('does nothing when Java 17+ is there', () => {
    expect(planJava({ java: { ok: true }, debian: true, root: true })).toEqual({ kind: 'ok' });
    expect(planJava({ java: { ok: true }, debian: false, root: false })).toEqual({ kind: 'ok' });
  });

  it('installs a headless JRE with apt-get on Debian as root, Java 17 first', () => {
    for (const java of [missing, tooOld])
      expect(planJava({ java, debian: true, root: true })).toEqual({
        kind: 'install',
        candidates: JAVA_PACKAGES,
      });
    expect(JAVA_PACKAGES[0]).toBe('openjdk-17-jre-headless');
  });

  it('otherwise says in one line what to install', () => {
    const debianUser = planJava({ java: missing, debian: true, root: false });
    expect(debianUser.kind).toBe('message');
    const text = debianUser.kind === 'message' ? debianUser.text : '';
    expect(text).not.toContain('\n');
    expect(text).toContain('sudo apt-get install openjdk-17-jre-headless');
    expect(text).toMatch(/^DynamoDB Local needs Java, and `java` was not found: /);
    const mac = planJava({ java: tooOld, debian: false, root: true });
    expect(mac.kind === 'message' && mac.text).toMatch(
      /found: openjdk version "11\.0\.2": install Java 17 or newer/,
    );
    expect(mac.kind === 'message' && mac.text).not.toContain('apt-get');
  });

  it('picks the first package apt knows (Java 17, else the release default)', () => {
    expect(pickPackage(JAVA_PACKAGES, () => true)).toBe('openjdk-17-jre-headless');
    expect(pickPackage(JAVA_PACKAGES, (p) => p === 'default-jre-headless')).toBe('default-jre-headless');
    expect(pickPackage(JAVA_PACKAGES, () => false)).toBeNull();
  });
});

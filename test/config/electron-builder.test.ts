/**
 * electron-builder cannot run on CI machines (it downloads Electron), so this
 * checks the shape of its configuration: the targets operators' PCs need, the
 * icons it points at exist, and native modules are unpacked from the asar.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Target {
  target: string;
  arch: string[];
}
const config = parse(fs.readFileSync('electron-builder.yml', 'utf8')) as {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  icon: string;
  win: { target: Target[]; icon: string };
  linux: { target: Target[]; icon: string };
  extraResources: { from: string }[];
};
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { main: string; scripts: Record<string, string> };

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9]+){2,}$/);
    expect(config.productName).toContain('12345');
  });

  it('builds a Windows NSIS installer and Linux AppImage and deb for x64 and arm64', () => {
    const archs = (targets: Target[], name: string): string[] => targets.find((t) => t.target === name)?.arch ?? [];
    expect(archs(config.win.target, 'nsis')).toEqual(expect.arrayContaining(['x64']));
    for (const name of ['AppImage', 'deb']) expect(archs(config.linux.target, name)).toEqual(expect.arrayContaining(['x64', 'arm64']));
  });

  it('points at icons that exist', () => {
    for (const icon of [config.icon, config.win.icon]) expect(fs.existsSync(icon)).toBe(true);
    expect(fs.readdirSync(config.linux.icon)).toEqual(expect.arrayContaining(['256x256.png', '512x512.png']));
  });

  it('packages the built app and the entry point package.json names', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**']));
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.extraResources.map((r) => r.from)).toContain('resources');
  });

  it('rebuilds and unpacks the native database module', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack.some((p) => p.includes('better-sqlite3'))).toBe(true);
  });
});

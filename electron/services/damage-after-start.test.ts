import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../test/support/temp-dir';
import { writeDamagedDeskFile } from '../../test/support/damaged-desk-file';
import { DeskServices } from './desk-services';
import { createLogger } from './logger';

const start = (dataDir: string): DeskServices =>
  new DeskServices({ dataDir, resourcesDir: dataDir, host: 'web', version: 'test', logger: createLogger({ dir: dataDir, level: 'silent' }) });

describe('a desk started on a file with damaged pages', () => {
  it('answers at once, then reports the damage found after start, and keeps the file aside at the next start', async () => {
    const dataDir = tempDir('desk-damage-after-start-');
    const bytes = writeDamagedDeskFile(dataDir);

    const services = start(dataDir);
    const events: unknown[] = [];
    services.addEventSink((event, payload) => {
      if (event === 'storageDamaged') events.push(payload);
    });
    const handlers = services.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
    const before = await handlers.getAppInfo(undefined);
    expect(before.storageRecovery).toBeNull();
    expect(before.storageDamage).toBeNull();

    const outcome = await services.checkedAfterStart;
    expect(outcome?.ok).toBe(false);
    expect(events).toHaveLength(1);
    const after = await handlers.getAppInfo(undefined);
    expect(after.storageDamage?.reason).toMatch(/quick_check|SQLITE_CORRUPT/);
    services.close();

    const restarted = start(dataDir);
    expect(restarted.storageRecovery).not.toBeNull();
    // Kept whole, with what the damaged run wrote since (it kept saving): never smaller than it was.
    expect(fs.statSync(restarted.storageRecovery!.keptAt).size).toBeGreaterThanOrEqual(bytes.length);
    expect(restarted.deskId).not.toBe(services.deskId);
    expect(path.dirname(restarted.storageRecovery!.keptAt)).toBe(path.join(dataDir, 'damaged'));
    expect(await restarted.checkedAfterStart).toEqual({ ok: true });
    restarted.close();
  });
});

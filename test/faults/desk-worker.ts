/**
 * One desk's services in a process of its own, for the fault suite to kill.
 *
 *   desk-worker DATA_DIR HUB_URL USERNAME WRITES TAG
 *
 * Prints `open` once the local store is open, enrols the desk (an admin's code)
 * and signs in in the background
 * (retrying while the hub is unreachable: writing never waits for the hub),
 * registers WRITES tickets a few milliseconds apart, printing
 * `saved <id> <description>` after each one has committed locally, then syncs
 * until the outbox is empty and prints `drained`.
 * The parent may kill it with SIGKILL at any moment.
 */
import { DeskServices } from '../../electron/services/desk-services';
import { createLogger } from '../../electron/services/logger';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import { sampleRegistration } from '../support/sample-ticket';
import fs from 'node:fs';
import path from 'node:path';
import { enrolmentCode } from '../hub/support/desk-enrolment';

const [dataDir, hubUrl, username, writesArg, tag, resourcesDir] = process.argv.slice(2);
if (!dataDir || !hubUrl || !username || !writesArg || !tag || !resourcesDir) {
  console.error('usage: desk-worker DATA_DIR HUB_URL USERNAME WRITES TAG RESOURCES_DIR');
  process.exit(2);
}
const writes = Number(writesArg);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const services = new DeskServices({ dataDir, resourcesDir, host: 'web', version: 'faults', logger: createLogger({ level: 'silent' }), hubPollIntervalMs: 50 });
services.settings.update({ hubUrl });

/**
 * The admin's code for this desk, asked for once and kept beside its database
 * like the slip of paper an operator is handed: a worker killed while redeeming
 * it (or a hub killed before answering) redeems the same code again.
 */
async function enrolmentSlip(): Promise<string> {
  const slip = path.join(dataDir ?? '', 'enrolment-code.txt');
  if (fs.existsSync(slip)) return fs.readFileSync(slip, 'utf8');
  const { code } = await enrolmentCode(hubUrl ?? '');
  fs.writeFileSync(slip, code);
  return code;
}

async function signIn(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (!services.deskCredentials.read(hubUrl ?? '')) await services.hub.enrol(hubUrl ?? '', await enrolmentSlip());
      await services.hub.signIn(hubUrl ?? '', username ?? '', DEMO_PASSWORD);
      return;
    } catch {
      if (attempt > 200) throw new Error('could not sign in');
      await sleep(50);
    }
  }
}

async function main(): Promise<void> {
  process.stdout.write('open\n');
  const signedIn = signIn();
  for (let i = 0; i < writes; i++) {
    const description = `${tag}-${String(i)}：小区门口占道经营，影响通行。`;
    const reg = sampleRegistration({ description });
    services.tickets.register(reg, { author: username ?? '', trainee: false });
    services.sync.queued();
    process.stdout.write(`saved ${reg.id} ${description}\n`);
    await sleep(2 + Math.random() * 10);
  }
  await signedIn;
  for (let round = 0; ; round++) {
    const status = await services.sync.syncNow();
    if (status.pending === 0) break;
    if (round > 2_000) throw new Error(`outbox did not drain: ${JSON.stringify(status)}`);
    await sleep(20);
  }
  process.stdout.write('drained\n');
  services.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

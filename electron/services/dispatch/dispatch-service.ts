import fs from 'node:fs';
import path from 'node:path';
import type { CentreRegions } from '../../../shared/dispatch/centre';
import { centreRegionsSchema } from '../../../shared/dispatch/centre';
import type { DutyIndex } from '../../../shared/dispatch/duty-index';
import { buildDutyIndex } from '../../../shared/dispatch/duty-index';
import type { Department } from '../../../shared/dispatch/responsibility';
import type { LearnedModelSnapshot } from '../../../shared/dispatch/learned-model';
import { LearnedDispatchModel, learnedModelSnapshotSchema } from '../../../shared/dispatch/learned-model';
import { suggestDispatch } from '../../../shared/dispatch/suggest';
import type { DispatchQuery, DispatchSuggestion } from '../../../shared/dispatch/suggestion';
import type { Segmenter } from '../../../shared/dispatch/text-terms';
import type { DeskDatabase } from '../db/database';
import type { DutyListChanges } from './duty-replica';
import { DutyReplica, readSeed } from './duty-replica';
import { jiebaSegmenter } from './jieba-segmenter';
import { readDirectorySeed, TransferDirectory } from './transfer-directory';

export interface MatterCategory {
  name: string;
  children: string[];
}

const NO_REGIONS: CentreRegions = { province: '', city: '', urbanDistricts: [], districts: [] };

export interface DispatchServiceOptions {
  segment?: Segmenter;
  /** Told when the shipped data cannot be read: the desk still starts, without suggestions. */
  warn?: (message: string, error: unknown) => void;
}

export function readRegions(resourcesDir: string): CentreRegions {
  return centreRegionsSchema.parse(JSON.parse(fs.readFileSync(path.join(resourcesDir, 'data', 'regions', 'regions.json'), 'utf8')));
}

/**
 * Dispatch suggestions from the local replica of the responsibility list. The
 * match index is built lazily and rebuilt after the list changes, so the
 * first suggestion of a session pays for it (jieba's dictionary and the index,
 * well under a second) and the rest only score.
 */
export class DispatchService {
  readonly replica: DutyReplica;
  readonly directory: TransferDirectory;
  readonly regions: CentreRegions;
  private index: DutyIndex | null = null;
  private learned: LearnedDispatchModel | null = null;
  private readonly segment: Segmenter;

  constructor(db: DeskDatabase, resourcesDir: string, options: DispatchServiceOptions = {}) {
    const warn = options.warn ?? (() => undefined);
    this.replica = new DutyReplica(db);
    try {
      if (this.replica.version() < 0) this.replica.seedIfEmpty(readSeed(resourcesDir));
    } catch (error) {
      warn('responsibility list seed not loaded; dispatch suggestions stay empty until the hub sends the list', error);
    }
    this.directory = new TransferDirectory(db, this.replica);
    try {
      if (this.directory.version() < 0) this.directory.seedIfEmpty(readDirectorySeed(resourcesDir));
    } catch (error) {
      warn('transfer directory seed not loaded; the transfer dialog lists numbers once the hub sends them', error);
    }
    let regions = NO_REGIONS;
    try {
      regions = readRegions(resourcesDir);
    } catch (error) {
      warn('region data not loaded; the location picker is empty', error);
    }
    this.regions = regions;
    this.segment = options.segment ?? jiebaSegmenter();
    this.replica.onChange(() => {
      this.index = null;
    });
  }

  suggest(query: DispatchQuery): DispatchSuggestion[] {
    return suggestDispatch(this.ensureIndex(), query, this.segment, this.learned);
  }

  /**
   * Takes the centre's learned dispatch model (a snapshot the hub trains from accepted dispatches and
   * returns). Used beside the list, never instead of it; an older or equal version is ignored. `checked`: the
   * caller has parsed it against the schema already (a large snapshot costs a noticeable time to parse again).
   */
  applyLearnedModel(snapshot: LearnedModelSnapshot, checked = false): boolean {
    const parsed = checked ? snapshot : learnedModelSnapshotSchema.parse(snapshot);
    if (this.learned && parsed.version <= this.learned.version) return false;
    this.learned = LearnedDispatchModel.fromSnapshot(parsed, this.segment);
    return true;
  }

  departments(): Department[] {
    return this.replica.read().departments;
  }

  /** The matter category tree (two levels) of the responsibility list, in list order. */
  categories(): MatterCategory[] {
    const tree = new Map<string, string[]>();
    for (const duty of this.replica.read().duties) {
      const [top, sub] = duty.category;
      const children = tree.get(top) ?? [];
      if (!children.includes(sub)) children.push(sub);
      tree.set(top, children);
    }
    return [...tree].map(([name, children]) => ({ name, children }));
  }

  /** For the sync engine: applies the hub's list changes; the next suggestion uses them. */
  applyDutyListChanges(changes: DutyListChanges): boolean {
    return this.replica.applyChanges(changes);
  }

  private ensureIndex(): DutyIndex {
    if (!this.index) {
      const list = this.replica.read();
      this.index = buildDutyIndex(list.duties, list.departments, this.regions, this.segment);
    }
    return this.index;
  }
}

import { HubFailure } from '../http/failure';
import type { HubHandlers } from '../http/route';
import { deleteDepartment, deleteDirectoryEntry, deleteDuty, directory, dutyList, getArticle, putArticle, putDepartment, putDirectoryEntry, putDuty, recordArticleFeedback } from './catalogue';

/** A PUT names its item twice, in the path and in the body: they must agree. */
function bodyFor<T extends { id: string }>(params: { id: string }, body: T): T {
  if (params.id !== body.id) {
    throw new HubFailure('INVALID_INPUT', `path id ${params.id} and body id ${body.id} differ`, { reason: 'ID_MISMATCH', subject: params.id, issues: [{ path: 'id', message: 'differs from the path', code: 'INVALID' }] });
  }
  return body;
}

const done = async (work: Promise<void>): Promise<{ ok: true }> => {
  await work;
  return { ok: true };
};

/** The centre's catalogue: departments, the responsibility list, the transfer directory and the knowledge base. */
export const catalogueHandlers = {
  dutyList: ({ hub }) => dutyList(hub),
  putDepartment: ({ hub, params, body }) => putDepartment(hub, bodyFor(params, body)),
  deleteDepartment: ({ hub, params }) => done(deleteDepartment(hub, params.id)),
  putDuty: ({ hub, params, body }) => putDuty(hub, bodyFor(params, body)),
  deleteDuty: ({ hub, params }) => done(deleteDuty(hub, params.id)),
  directory: ({ hub }) => directory(hub),
  putDirectoryEntry: ({ hub, params, body }) => putDirectoryEntry(hub, bodyFor(params, body)),
  deleteDirectoryEntry: ({ hub, params }) => done(deleteDirectoryEntry(hub, params.id)),
  getArticle: ({ hub, params }) => getArticle(hub, params.id),
  putArticle: ({ hub, params, body }) => putArticle(hub, bodyFor(params, body)),
  articleFeedback: ({ hub, user, body }) => done(recordArticleFeedback(hub, user.sub, body)),
} satisfies Pick<HubHandlers, 'dutyList' | 'putDepartment' | 'deleteDepartment' | 'putDuty' | 'deleteDuty' | 'directory' | 'putDirectoryEntry' | 'deleteDirectoryEntry' | 'getArticle' | 'putArticle' | 'articleFeedback'>;

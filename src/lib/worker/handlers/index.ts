/**
 * Every request type's handler, one module per area. Typed as `Handlers`: a request type of
 * protocol.ts without a handler, or a handler whose result is not its `Api` result, fails the check.
 */
import { backupHandlers } from './backup';
import { crmHandlers } from './crm';
import { datasetHandlers } from './datasets';
import { drillHandlers } from './drill';
import { exportHandlers } from './exports';
import { importHandlers } from './import';
import { sampleHandlers } from './sample';
import type { Handlers } from './types';
import { viewHandlers } from './views';
import { segmentHandlers } from './segments';

export const handlers: Handlers = {
	...importHandlers,
	...datasetHandlers,
	...viewHandlers,
	...segmentHandlers,
	...drillHandlers,
	...exportHandlers,
	...backupHandlers,
	...crmHandlers,
	...sampleHandlers
};

export type { Answered, Call, Handler, Handlers, HandlersFor, Progress } from './types';

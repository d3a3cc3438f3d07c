import type { AuditEvent } from '../../../src/platform/audit.js';
import { request, type Page } from './client.js';

export type { AuditEvent };

export const listAuditEvents = (query: { limit?: number; cursor?: string; action?: string } = {}) => request<Page<AuditEvent>>('GET', '/audit', { query });

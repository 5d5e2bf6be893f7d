import { request } from '../api';
import type { components } from '../api/schema';

/** The auditor's workbench answers, as the OpenAPI document has them (npm run openapi:types). */
export type AuditEventPage = components['schemas']['AuditEventPage'];
export type Timeline = components['schemas']['Timeline'];
export type Statechart = components['schemas']['Statechart'];

const enc = encodeURIComponent;

export const auditApi = {
  events: (filters: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
    return request<AuditEventPage>(`/api/audit/events?${q.toString()}`);
  },
  timeline: (id: string) => request<Timeline>(`/api/audit/instances/${enc(id)}/timeline`),
  statechart: (id: string) => request<Statechart>(`/api/audit/instances/${enc(id)}/statechart`),
  historyPdfUrl: (id: string, lang: string) =>
    `/api/audit/instances/${enc(id)}/history.pdf?lang=${lang === 'ru' ? 'ru' : 'ky'}`,
};

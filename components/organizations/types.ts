import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers';

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type Me = Outputs['auth']['me'];
export type MeProfile = Me['profiles'][number];
export type Profile = Outputs['profiles']['get'];
export type ParticipantTagEntry = Profile['participantTags'][number];
export type Member = Outputs['organizationUsers']['list']['items'][number];
export type AuditEvent = Outputs['auditEvents']['list']['items'][number];
export type MyInvitation = Outputs['invitations']['listMine']['items'][number];
export type AuditFilters = Omit<Inputs['auditEvents']['list'], 'cursor' | 'limit'>;

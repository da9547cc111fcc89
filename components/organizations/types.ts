import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers';

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type Me = Outputs['auth']['me'];
export type MeProfile = Me['profiles'][number];
export type Profile = Outputs['profiles']['get'];
export type ParticipantTagEntry = Profile['participantTags'][number];
export type Member = Outputs['members']['list']['items'][number];
export type AuditEvent = Outputs['audit']['list']['items'][number];
export type MyInvitation = Outputs['members']['invitations']['listMine']['items'][number];
export type AuditFilters = Omit<Inputs['audit']['list'], 'cursor' | 'limit'>;

import { ShieldCheck } from 'lucide-react';
import { Badge } from '../badge';

const environments = {
  production: { label: 'Production', tone: 'red' },
  preproduction: { label: 'Preproduction', tone: 'amber' },
  development: { label: 'Development', tone: 'blue' },
  test: { label: 'Test', tone: 'neutral' },
} as const;

export type AppEnvironment = keyof typeof environments;

/** Which environment this is, on every page of the admin console. */
export function EnvironmentBadge({ env }: { env: AppEnvironment }) {
  const { label, tone } = environments[env];
  return (
    <Badge tone={tone} dot>
      {label}
    </Badge>
  );
}

/** The admin console's banner: staff marker and environment, so nobody mistakes it for a customer's view. */
export function StaffBanner({ env, note }: { env: AppEnvironment; note?: string }) {
  return (
    <div
      role="note"
      aria-label="Staff console"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 text-caption"
    >
      <span className="inline-flex items-center gap-1.5 font-medium text-warning-fg">
        <ShieldCheck aria-hidden="true" className="size-3.5" />
        Staff
      </span>
      <EnvironmentBadge env={env} />
      {env === 'preproduction' ? (
        <span className="font-medium text-warning-fg">A copy for testing, not the live platform.</span>
      ) : null}
      {note ? <span className="text-muted-foreground">{note}</span> : null}
    </div>
  );
}

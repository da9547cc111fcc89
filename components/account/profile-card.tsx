import type { ReactNode } from 'react';
import { formatDateTime } from '../format';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';

type Profile = {
  email: string;
  firstName: string;
  lastName: string;
  lastLoginAt: string | null;
  createdAt: string;
  tfaEnabled: boolean;
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-foreground">{children}</dd>
    </div>
  );
}

export function ProfileCard({ user, platformRoles }: { user: Profile; platformRoles: string[] }) {
  const name = `${user.firstName} ${user.lastName}`.trim();
  return (
    <Card title="Profile">
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
        <Row label="Name">{name || <span className="text-muted-foreground">Not set</span>}</Row>
        <Row label="Email">{user.email}</Row>
        <Row label="Two-factor sign-in">
          {user.tfaEnabled ? <Badge tone="green">On</Badge> : <Badge tone="amber">Off</Badge>}
        </Row>
        <Row label="Platform roles">
          {platformRoles.length > 0 ? (
            <span className="flex flex-wrap gap-1.5">
              {platformRoles.map((role) => (
                <Badge key={role} tone="blue">
                  {role}
                </Badge>
              ))}
            </span>
          ) : (
            <span className="text-muted-foreground">None</span>
          )}
        </Row>
        <Row label="Last sign-in">{formatDateTime(user.lastLoginAt, { utc: true })}</Row>
        <Row label="Member since">{formatDateTime(user.createdAt, { utc: true })}</Row>
      </dl>
    </Card>
  );
}

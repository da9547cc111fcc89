import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requireActor } from '@/server/auth/current-actor';
import { serverCaller } from '@/server/auth/server-caller';

export const metadata: Metadata = { title: 'Home' };

export default async function HomePage() {
  const actor = await requireActor();
  const me = await (await serverCaller(actor)).auth.me();
  const name = me.user.firstName || me.user.email;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Hello, {name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          You are signed in as {me.user.email}
          {me.platformRoles.includes('platform.admin') ? ', a platform administrator' : ''}.
        </p>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <Card
          title="Your account"
          description="Password, two-factor sign-in and the devices signed in to your account."
        >
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="flex items-center gap-2 text-sm text-slate-700">
              Two-factor sign-in
              {me.user.tfaEnabled ? <Badge tone="green">On</Badge> : <Badge tone="amber">Off</Badge>}
            </p>
            <Link href="/account" className={buttonClass('secondary')}>
              Go to your account
            </Link>
          </div>
          {me.user.tfaEnabled ? null : (
            <p className="mt-3 text-sm text-slate-600">
              Turn on two-factor sign-in so a stolen password alone cannot open your account.
            </p>
          )}
        </Card>
        <Card title="Organizations" description="Producers, pipelines and buyers you work for.">
          <p className="text-sm text-slate-600">
            Organizations, their profiles and reports come in a later release of Provena. There is nothing to
            show here yet.
          </p>
        </Card>
      </div>
    </div>
  );
}

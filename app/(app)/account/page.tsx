import type { Metadata } from 'next';
import { ChangePasswordCard } from '@/components/account/change-password-card';
import { ProfileCard } from '@/components/account/profile-card';
import { SessionsCard } from '@/components/account/sessions-card';
import { TfaCard } from '@/components/account/tfa-card';
import { requirePrincipal } from '@/server/modules/auth/current-principal';
import { serverCaller } from '@/server/modules/auth/server-caller';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const actor = await requirePrincipal();
  const me = await (await serverCaller(actor)).auth.me();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
      <ProfileCard user={me.user} platformRoles={me.platformRoles} />
      <TfaCard />
      <ChangePasswordCard />
      <SessionsCard />
    </div>
  );
}

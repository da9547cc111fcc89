import { OrganizationSwitcher } from '../organizations/organization-switcher';
import { isPlatformStaff } from '../organizations/roles';
import type { Me } from '../organizations/types';
import { Logo } from './logo';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

/** The signed-in user's header: who they are, their organizations and what they may open. */
export function AppHeader({ me }: { me: Me }) {
  const { email } = me.user;
  const { memberships } = me;
  const activeOrganizationId = me.activeOrganization?._id ?? null;
  const showActivity = me.permissions.includes('audit.read');
  const showAdmin = isPlatformStaff(me.platformRoles);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto max-w-5xl px-4 sm:px-6">
        <div className="flex flex-wrap items-center justify-between gap-4 py-3">
          <div className="flex min-w-0 items-center gap-4">
            <Logo />
            {memberships.length > 0 ? (
              <>
                <span aria-hidden="true" className="text-slate-300">
                  /
                </span>
                <OrganizationSwitcher memberships={memberships} activeOrganizationId={activeOrganizationId} />
              </>
            ) : null}
          </div>
          <div className="flex items-center gap-3">
            <span className="text-sm text-slate-600">
              <span className="sr-only">Signed in as </span>
              {email}
            </span>
            <SignOutButton />
          </div>
        </div>
        <NavLinks showActivity={showActivity} showAdmin={showAdmin} />
      </div>
    </header>
  );
}

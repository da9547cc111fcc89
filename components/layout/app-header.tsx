import { Logo } from './logo';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

export function AppHeader({ email }: { email: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <div className="flex items-center gap-6">
          <Logo />
          <NavLinks />
        </div>
        <div className="flex items-center gap-3">
          <span className="text-sm text-slate-600">
            <span className="sr-only">Signed in as </span>
            {email}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}

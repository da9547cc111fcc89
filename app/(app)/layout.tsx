import { AppHeader } from '@/components/layout/app-header';
import { currentMe } from './current-me';

/** Every page in here is for a signed-in user whose password needs no change. */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const { me } = await currentMe();
  return (
    <>
      <AppHeader me={me} />
      <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">{children}</main>
    </>
  );
}

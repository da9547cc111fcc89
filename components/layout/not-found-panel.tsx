import Link from 'next/link';
import { buttonClass } from '../ui/button';
import { StatusPanel } from './status-page';

/**
 * One answer for a page that does not exist and one this person may not open (the admin console
 * for a customer): telling them apart would advertise what exists.
 */
export function NotFoundPanel({ back }: { back?: { href: string; label: string } }) {
  return (
    <StatusPanel
      code="404"
      title="Page not found"
      actions={
        <>
          <Link href="/" className={buttonClass('primary')}>
            Go home
          </Link>
          {back ? (
            <Link href={back.href} className={buttonClass('secondary')}>
              {back.label}
            </Link>
          ) : null}
        </>
      }
    >
      <p>There is no page at this address, or it is not open to your account.</p>
      <p>Check the address, or start again from your home page.</p>
    </StatusPanel>
  );
}

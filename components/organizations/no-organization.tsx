import Link from 'next/link';
import { buttonClass } from '../ui/button';
import { Card } from '../ui/card';

/** What someone who belongs to no organization sees instead of its pages. */
export function NoOrganization({ staff }: { staff: boolean }) {
  return (
    <Card title="You are not in an organization yet">
      <div className="space-y-3 text-sm text-muted-foreground">
        <p>
          Organizations are the producers, pipelines and buyers you work for. When an administrator of one
          invites you, you get an email with a link, and the invitation shows on this page: it appears here
          once you accept it.
        </p>
        {staff ? (
          <>
            <p>As platform staff, you manage every organization from the admin console.</p>
            <Link href="/admin" className={buttonClass('secondary')}>
              Open the admin console
            </Link>
          </>
        ) : null}
      </div>
    </Card>
  );
}

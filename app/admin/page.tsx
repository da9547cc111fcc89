import type { Metadata } from 'next';
import Link from 'next/link';
import { adminViewer } from './admin-viewer';

export const metadata: Metadata = { title: 'Admin' };

const sections = [
  {
    href: '/admin/users',
    title: 'Users',
    text: 'Find people by email, edit them, grant roles, reset access.',
  },
  {
    href: '/admin/organizations',
    title: 'Organizations',
    text: 'Create and edit customers, archive them, add their profiles.',
  },
  {
    href: '/admin/profiles',
    title: 'Profiles',
    text: 'Find profiles by participant tag; edit tags, measurers and verifiers.',
  },
  {
    href: '/admin/audit',
    title: 'Audit log',
    text: 'Every security-relevant event, by user, organization or date.',
  },
];

export default async function AdminHomePage() {
  const { canWrite } = await adminViewer();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Admin console</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {canWrite
            ? 'Platform administration: every change here is recorded in the audit log.'
            : 'You can read everything here; changes need the platform administrator role.'}
        </p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2">
        {sections.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="block h-full rounded-lg border border-border bg-card p-5 shadow-xs hover:border-primary"
            >
              <h2 className="text-base font-semibold text-foreground">{section.title}</h2>
              <p className="mt-1 text-sm text-muted-foreground">{section.text}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

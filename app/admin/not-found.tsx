import { NotFoundPanel } from '@/components/layout/not-found-panel';

/** A record of the admin console that is not there (the layout around it draws the shell). */
export default function AdminNotFound() {
  return <NotFoundPanel back={{ href: '/admin', label: 'Admin overview' }} />;
}

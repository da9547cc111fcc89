import { NotFoundPanel } from '@/components/layout/not-found-panel';

/** A record of the dashboard that is not there (the layout around it draws the shell). */
export default function DashboardNotFound() {
  return <NotFoundPanel />;
}

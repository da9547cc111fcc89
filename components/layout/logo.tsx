import Link from 'next/link';
import { cn } from '../ui/cn';

function Mark() {
  return (
    <span
      aria-hidden="true"
      className="grid size-7 shrink-0 place-items-center rounded-md bg-primary text-body font-semibold text-primary-foreground"
    >
      P
    </span>
  );
}

/** The product's name and mark, linking home. */
export function Logo({ href = '/' }: { href?: string }) {
  return (
    <Link
      href={href}
      className="focus-ring inline-flex items-center gap-2 rounded-md font-semibold tracking-tight text-foreground"
    >
      <Mark />
      Provena
    </Link>
  );
}

/** The logo in the shell's sidebar: the mark alone when the sidebar is collapsed. */
export function Brand({ collapsed = false }: { collapsed?: boolean }) {
  return (
    <Link
      href="/"
      className={cn(
        'focus-ring inline-flex items-center gap-2 rounded-md font-semibold tracking-tight text-foreground',
      )}
    >
      <Mark />
      <span className={cn(collapsed && 'sr-only')}>Provena</span>
    </Link>
  );
}

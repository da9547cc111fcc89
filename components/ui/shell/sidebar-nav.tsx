import Link from 'next/link';
import { cn } from '../cn';
import { Hint } from '../tooltip';
import { isActive, type NavGroup } from './types';

/** The sidebar's areas, grouped; the current one is marked for the eye and for aria-current. */
export function SidebarNav({
  groups,
  currentPath,
  collapsed = false,
  onNavigate,
}: {
  groups: NavGroup[];
  currentPath: string;
  collapsed?: boolean;
  /** called when an item is followed (the phone's drawer closes) */
  onNavigate?: () => void;
}) {
  return (
    <nav aria-label="Main" className="flex flex-col gap-5">
      {groups.map((group, index) => (
        <div key={group.label ?? index} className="flex flex-col gap-0.5">
          {group.label ? (
            <p
              className={cn(
                'px-2 pb-1 text-caption font-medium text-muted-foreground',
                collapsed && 'sr-only',
              )}
            >
              {group.label}
            </p>
          ) : null}
          <ul className="flex flex-col gap-0.5">
            {group.items.map((item) => {
              const active = isActive(item, currentPath);
              const link = (
                <Link
                  href={item.href}
                  onClick={onNavigate}
                  aria-current={active ? 'page' : undefined}
                  className={cn(
                    'focus-ring flex h-8 items-center gap-2.5 rounded-md px-2 text-body transition-colors [&_svg]:size-4 [&_svg]:shrink-0',
                    active
                      ? 'bg-muted font-medium text-foreground [&_svg]:text-primary'
                      : 'text-muted-foreground hover:bg-muted hover:text-foreground',
                    collapsed && 'justify-center px-0',
                  )}
                >
                  {item.icon}
                  <span className={cn('min-w-0 flex-1 truncate', collapsed && 'sr-only')}>{item.label}</span>
                  {item.badge && !collapsed ? <span className="shrink-0">{item.badge}</span> : null}
                </Link>
              );
              return (
                <li key={item.href}>
                  {collapsed ? (
                    <Hint content={item.label} side="right">
                      {link}
                    </Hint>
                  ) : (
                    link
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

export { AccountMenu, type AccountMenuItem } from './account-menu';
export { AppShell, type AppShellProps } from './app-shell';
export { type EntityFact, EntityHeader } from './entity-header';
export { type AppEnvironment, EnvironmentBadge, StaffBanner } from './markers';
export { OrganizationSwitcher, type SwitcherOrganization } from './org-switcher';
export { type PageTab, PageTabs } from './page-tabs';
export { SidebarNav } from './sidebar-nav';
export { isActive, type NavGroup, type NavItem, type ShellSlot } from './types';

'use client';

import { Copy, MoreHorizontal, Pencil, Settings, Trash2, UserPlus } from 'lucide-react';
import { useState } from 'react';
import { ConfirmDialog } from '../alert-dialog';
import { Button } from '../button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '../dialog';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuTrigger,
} from '../dropdown-menu';
import { Input } from '../input';
import { Popover, PopoverContent, PopoverTrigger } from '../popover';
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from '../sheet';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../tabs';
import { toast, toastSaved } from '../toast';
import { Hint } from '../tooltip';

export function OverlaysDemo() {
  const [showArchived, setShowArchived] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Dialog>
        <DialogTrigger asChild>
          <Button variant="secondary">
            <UserPlus aria-hidden="true" />
            Invite (dialog)
          </Button>
        </DialogTrigger>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Invite a person</DialogTitle>
            <DialogDescription>They get an email with a link to set their password.</DialogDescription>
          </DialogHeader>
          <Input label="Email" type="email" placeholder="name@company.com" />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <DialogClose asChild>
              <Button onClick={() => toastSaved('Invitation', 'Sent to name@company.com', 'sent')}>
                Send invitation
              </Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      </Dialog>

      <ConfirmDialog
        trigger={
          <Button variant="danger">
            <Trash2 aria-hidden="true" />
            Remove (alert dialog)
          </Button>
        }
        title="Remove Dana Ortiz from Permian Basin Gas Co.?"
        description="They lose access at once. Their past reports stay."
        confirmLabel="Remove member"
        destructive
        onConfirm={async () => {
          await new Promise((resolve) => setTimeout(resolve, 800));
          toast.success('Member removed', { description: 'Dana Ortiz' });
        }}
      />

      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary">
            <MoreHorizontal aria-hidden="true" />
            Menu
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-56">
          <DropdownMenuLabel>Organization</DropdownMenuLabel>
          <DropdownMenuItem>
            <Pencil aria-hidden="true" />
            Rename
            <DropdownMenuShortcut>R</DropdownMenuShortcut>
          </DropdownMenuItem>
          <DropdownMenuItem>
            <Copy aria-hidden="true" />
            Copy id
          </DropdownMenuItem>
          <DropdownMenuItem>
            <Settings aria-hidden="true" />
            Settings
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuCheckboxItem checked={showArchived} onCheckedChange={setShowArchived}>
            Show archived profiles
          </DropdownMenuCheckboxItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem destructive>
            <Trash2 aria-hidden="true" />
            Archive organization
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>

      <Popover>
        <PopoverTrigger asChild>
          <Button variant="secondary">Popover</Button>
        </PopoverTrigger>
        <PopoverContent className="space-y-2">
          <p className="text-heading">Intensity</p>
          <p className="text-body text-muted-foreground">
            Methane emitted per unit of gas produced, as a percentage, to four decimals (OGMP 2.0).
          </p>
        </PopoverContent>
      </Popover>

      <Sheet>
        <SheetTrigger asChild>
          <Button variant="secondary">Bottom sheet</Button>
        </SheetTrigger>
        <SheetContent side="bottom">
          <SheetHeader>
            <SheetTitle>Filters</SheetTitle>
            <SheetDescription>On a phone, filters open from the bottom.</SheetDescription>
          </SheetHeader>
          <div className="px-4 pb-6">
            <Input label="Name contains" />
          </div>
        </SheetContent>
      </Sheet>

      <Hint content="org_014 · created 2025-03-02 14:20 UTC">
        <Button variant="ghost">Tooltip (hover or focus)</Button>
      </Hint>
    </div>
  );
}

export function ToastsDemo() {
  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" onClick={() => toastSaved('Profile', 'Permian Basin — North')}>
        Saved toast
      </Button>
      <Button
        variant="secondary"
        onClick={() =>
          toast.error('The report could not be submitted', {
            description: 'The server could not be reached.',
            action: {
              label: 'Retry',
              altText: 'Submit the report again',
              onClick: () => toastSaved('Report', undefined, 'submitted'),
            },
          })
        }
      >
        Error toast with Retry
      </Button>
      <Button
        variant="secondary"
        onClick={() => toast.info('Import started', { description: '132 rows; we will email you.' })}
      >
        Info toast
      </Button>
    </div>
  );
}

export function TabsDemo() {
  return (
    <Tabs defaultValue="overview">
      <TabsList aria-label="Profile sections">
        <TabsTrigger value="overview">Overview</TabsTrigger>
        <TabsTrigger value="locations">Locations</TabsTrigger>
        <TabsTrigger value="measurers">Measurers</TabsTrigger>
        <TabsTrigger value="settings">Settings</TabsTrigger>
      </TabsList>
      <TabsContent value="overview" className="text-body">
        Radix tabs, for sections inside one page. Record pages use PageTabs (links) instead.
      </TabsContent>
      <TabsContent value="locations" className="text-body">
        48 locations in 3 basins.
      </TabsContent>
      <TabsContent value="measurers" className="text-body">
        2 measurers, 1 verifier.
      </TabsContent>
      <TabsContent value="settings" className="text-body">
        Reporting period: monthly.
      </TabsContent>
    </Tabs>
  );
}

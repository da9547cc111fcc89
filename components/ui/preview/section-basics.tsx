'use client';

import { Download, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../alert';
import { Badge } from '../badge';
import { Button } from '../button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardSurface, CardTitle } from '../card';
import { Checkbox, CheckboxControl } from '../checkbox';
import { Combobox } from '../combobox';
import { Input } from '../input';
import { Label } from '../label';
import { NetworkError } from '../network-error';
import { RadioGroup, RadioOption } from '../radio-group';
import { Select, SelectMenu } from '../select';
import { Separator } from '../separator';
import { Skeleton } from '../skeleton';
import { Switch } from '../switch';
import { Textarea } from '../textarea';
import { Hint } from '../tooltip';
import { countryOptions } from './fake-data';

export function TypeScale() {
  return (
    <div className="space-y-2">
      <p className="text-display">Display · page titles</p>
      <p className="text-title">Title · dialogs and sections</p>
      <p className="text-heading">Heading · cards and groups</p>
      <p className="text-body-lg">Body large · lead paragraphs</p>
      <p className="text-body">Body · the console’s text, tables and forms</p>
      <p className="text-caption text-muted-foreground">Caption · hints, counters, column headers</p>
    </div>
  );
}

export function ButtonsDemo() {
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button>
          <Plus aria-hidden="true" />
          Primary
        </Button>
        <Button variant="secondary">Secondary</Button>
        <Button variant="ghost">Ghost</Button>
        <Button variant="danger">
          <Trash2 aria-hidden="true" />
          Danger
        </Button>
        <Button variant="destructive">Destructive</Button>
        <Button variant="link">Link</Button>
        <Button disabled>Disabled</Button>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm">Small</Button>
        <Button size="md">Medium</Button>
        <Button size="lg">Large</Button>
        <Hint content="Download as CSV">
          <Button variant="secondary" size="icon" aria-label="Download as CSV">
            <Download aria-hidden="true" />
          </Button>
        </Hint>
        <Button
          pending={pending}
          onClick={() => {
            setPending(true);
            setTimeout(() => setPending(false), 1500);
          }}
        >
          {pending ? 'Saving…' : 'Click: pending'}
        </Button>
        <Button asChild variant="secondary">
          <a href="#table">A link as a button</a>
        </Button>
      </div>
    </div>
  );
}

export function BadgesAndAlerts() {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <Badge>Neutral</Badge>
        <Badge tone="green" dot>
          Active
        </Badge>
        <Badge tone="blue" dot>
          Invited
        </Badge>
        <Badge tone="amber">Expires soon</Badge>
        <Badge tone="red">Suspended</Badge>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <Alert tone="info" title="Reports are due on the 15th">
          Monthly measurements for March can be entered until April 15.
        </Alert>
        <Alert tone="success" title="Certificate issued">
          12,400 MMBtu certified for Permian Basin Gas Co.
        </Alert>
        <Alert tone="warning" title="Two locations have no measurer">
          Assign one before the report is submitted.
        </Alert>
        <Alert
          tone="error"
          title="The report could not be submitted"
          actions={
            <Button size="sm" variant="secondary">
              Review errors
            </Button>
          }
        >
          Three measurements are missing their units.
        </Alert>
      </div>
    </div>
  );
}

export function ControlsDemo() {
  const [country, setCountry] = useState<string | null>('CA');
  const [unit, setUnit] = useState('mmbtu');
  const [notify, setNotify] = useState(true);
  const [checked, setChecked] = useState<boolean | 'indeterminate'>('indeterminate');
  return (
    <div className="grid gap-5 md:grid-cols-2">
      <Input label="Legacy Input (label prop)" placeholder="Acme Gas" hint="The existing API, restyled." />
      <Input label="Input with an error" defaultValue="abc" error="Use at least 4 characters." />
      <Select label="Native select (legacy API)" defaultValue="tx">
        <option value="tx">Texas</option>
        <option value="pa">Pennsylvania</option>
      </Select>
      <div className="space-y-1.5">
        <Label htmlFor="unit">Radix select</Label>
        <SelectMenu
          id="unit"
          value={unit}
          onValueChange={setUnit}
          options={[
            { value: 'mmbtu', label: 'MMBtu' },
            { value: 'mscf', label: 'Mscf' },
            { value: 'tch4', label: 't CH4' },
          ]}
        />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="country-demo">Combobox (searchable)</Label>
        <Combobox
          id="country-demo"
          options={countryOptions}
          value={country}
          onValueChange={setCountry}
          clearable
          searchPlaceholder="Search countries"
        />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="notes">Textarea</Label>
        <Textarea id="notes" placeholder="Notes for the verifier" />
      </div>
      <div className="space-y-3">
        <Checkbox label="Native checkbox (legacy API)" hint="With a hint line" defaultChecked />
        <div className="flex items-center gap-2">
          <CheckboxControl
            id="radix-check"
            checked={checked}
            onCheckedChange={(value) => setChecked(value === 'indeterminate' ? value : value === true)}
          />
          <Label htmlFor="radix-check">Radix checkbox (starts indeterminate)</Label>
        </div>
        <div className="flex items-center gap-2">
          <Switch id="notify" checked={notify} onCheckedChange={setNotify} />
          <Label htmlFor="notify">Email me when a report is verified</Label>
        </div>
      </div>
      <RadioGroup defaultValue="monthly" aria-label="Reporting period">
        <RadioOption value="monthly" label="Monthly" hint="Recommended for producers" />
        <RadioOption value="quarterly" label="Quarterly" />
        <RadioOption value="yearly" label="Yearly" disabled hint="Not available for this standard" />
      </RadioGroup>
    </div>
  );
}

export function SurfacesDemo() {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card
        title="Legacy Card API"
        description="title, description, actions, children"
        actions={
          <Button size="sm" variant="secondary">
            Edit
          </Button>
        }
      >
        <p className="text-body">Card body text.</p>
      </Card>
      <CardSurface>
        <CardHeader>
          <div className="space-y-1">
            <CardTitle>Composed card</CardTitle>
            <CardDescription>Header, content and footer parts</CardDescription>
          </div>
        </CardHeader>
        <Separator />
        <CardContent className="text-body">12 locations · 3 measurers</CardContent>
        <CardFooter>
          <Button size="sm" variant="ghost">
            Cancel
          </Button>
          <Button size="sm">Save</Button>
        </CardFooter>
      </CardSurface>
      <CardSurface className="space-y-3 p-5">
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-4 w-5/6" />
        <Skeleton className="h-8 w-24" />
      </CardSurface>
      <div className="lg:col-span-3">
        <NetworkError onRetry={() => undefined} />
      </div>
    </div>
  );
}

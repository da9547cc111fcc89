import type { FilterBarMenu, FilterBarSearch } from '../ui/data-table';
import { stateOptions } from '../words';
import type { ReportFilterKey } from './report-url-filters';
import { templateOptions } from './report-words';

/** The dashboard's search: a profile's reports by statement number, title or hash prefix. */
export const reportSearch: FilterBarSearch = {
  chip: 'Search',
  label: 'Search reports by statement number, title or verification hash',
  placeholder: 'Number, title or hash',
};

/** The console's search reaches further: profile and organization names too. */
export const adminReportSearch: FilterBarSearch = {
  chip: 'Search',
  label: 'Search reports by statement number, title, profile, organization or hash',
  placeholder: 'Number, title, profile, organization, hash',
};

const templateMenu: FilterBarMenu<ReportFilterKey> = {
  key: 'template',
  label: 'Template',
  options: templateOptions,
};

/** The dashboard's menus: reports.list filters by template only. */
export const reportFilterMenus: readonly FilterBarMenu<ReportFilterKey>[] = [templateMenu];

/** The console's menus: template, render status, voided. */
export const adminReportFilterMenus: readonly FilterBarMenu<ReportFilterKey>[] = [
  templateMenu,
  {
    key: 'status',
    label: 'Status',
    options: stateOptions('report').filter((option) => option.value !== 'void'),
  },
  {
    key: 'voided',
    label: 'Voided',
    options: [
      { value: 'no', label: 'Not void' },
      { value: 'yes', label: 'Void' },
    ],
  },
];

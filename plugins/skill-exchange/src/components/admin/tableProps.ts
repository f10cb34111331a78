import type { TranslationFunction } from '@backstage/frontend-plugin-api';
import type { skillExchangeTranslationRef } from '../../translation';

/**
 * The admin page's tables: searchable with a named filter box, paged by 20,
 * dense, and without column dragging (axe: nested interactive controls);
 * every word of the table in the reader's language.
 */
export const adminTableProps = (
  t: TranslationFunction<typeof skillExchangeTranslationRef.T>,
  filterLabel: string,
) => ({
  localization: {
    body: { emptyDataSourceMessage: t('admin.table.emptyDataSourceMessage') },
    pagination: {
      labelDisplayedRows: t('admin.table.labelDisplayedRows'),
      labelRowsPerPage: t('admin.table.labelRowsPerPage'),
      labelRowsSelect: t('admin.table.labelRowsSelect'),
      firstTooltip: t('admin.table.firstPage'),
      firstAriaLabel: t('admin.table.firstPage'),
      previousTooltip: t('admin.table.previousPage'),
      previousAriaLabel: t('admin.table.previousPage'),
      nextTooltip: t('admin.table.nextPage'),
      nextAriaLabel: t('admin.table.nextPage'),
      lastTooltip: t('admin.table.lastPage'),
      lastAriaLabel: t('admin.table.lastPage'),
    },
    toolbar: {
      searchPlaceholder: filterLabel,
      searchAriaLabel: filterLabel,
      searchTooltip: t('admin.table.searchTooltip'),
      clearSearchAriaLabel: t('admin.table.clearSearch'),
    },
  },
  options: {
    search: true,
    paging: true,
    pageSize: 20,
    padding: 'dense' as const,
    draggable: false,
    emptyRowsWhenPaging: false,
  },
});

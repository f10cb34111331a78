/**
 * The admin page's tables: searchable with a named filter box, paged by 20,
 * dense, and without column dragging (axe: nested interactive controls).
 */
export const adminTableProps = (filterLabel: string) => ({
  localization: {
    toolbar: { searchPlaceholder: filterLabel, searchAriaLabel: filterLabel },
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

import { ReactNode, useEffect, useState } from 'react';
import { useSearchParams, useNavigate } from 'react-router-dom';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Chip,
  FormControl,
  Grid,
  InputAdornment,
  InputLabel,
  Paper,
  MenuItem,
  Select,
  TextField,
  Typography,
} from '@material-ui/core';
import SearchIcon from '@material-ui/icons/Search';
import AddIcon from '@material-ui/icons/Add';
import { Pagination } from '@material-ui/lab';
import useAsync from 'react-use/esm/useAsync';
import { useCatalogGroups } from './useCatalogGroups';
import type {
  PostKind,
  PostPage,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import { PostCard } from './PostCard';
import { SkillExchangeT, TOP_SKILLS, useSkillExchangePath } from './common';
import {
  filterFromParams,
  filterSelects,
  QUICK_FILTERS,
  quickFilterLabel,
  SelectSpec,
} from './postFilters';

const PAGE_SIZE = 12;

/** An outlined select bound to one URL parameter ('' clears it). */
const FilterSelect = (
  props: SelectSpec & {
    value: string | null;
    onChange: (changes: Record<string, string | undefined>) => void;
  },
) => (
  <FormControl variant="outlined" size="small" style={{ minWidth: 160 }}>
    <InputLabel id={`sx-${props.param}`}>{props.label}</InputLabel>
    <Select
      labelId={`sx-${props.param}`}
      label={props.label}
      value={props.value ?? ''}
      onChange={e =>
        props.onChange({ [props.param]: String(e.target.value) || undefined })
      }
    >
      {props.options.map(([value, label]) => (
        <MenuItem key={value} value={value}>
          {label}
        </MenuItem>
      ))}
    </Select>
  </FormControl>
);

/** A search is ranked by relevance; otherwise embeds by start, others newest. */
const listSort = (kind: PostKind, searched: boolean) => {
  if (searched) return 'relevance';
  return kind === 'embed' ? 'start' : 'newest';
};

/** "12 embeds", or "10,000+ embeds, best matches first" for a capped search. */
const countLine = (
  t: SkillExchangeT,
  page: PostPage,
  kind: PostKind,
  searched: boolean,
) => {
  const total = `${page.totalItems.toLocaleString('en-US')}${
    page.totalIsLowerBound ? '+' : ''
  }`;
  const one = page.totalItems === 1 && !page.totalIsLowerBound;
  const words = {
    total,
    kind: t(one ? `common.kindsInText.${kind}` : `common.kindsInText.${kind}s`),
  };
  return searched
    ? t('posts.postList.countSearched', words)
    : t('posts.postList.count', words);
};

export const PostList = ({ kind }: { kind: PostKind }) => {
  const api = useApi(skillExchangeApiRef);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const path = useSkillExchangePath();
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const filter = filterFromParams(kind, params);
  const [query, setQuery] = useState(params.get('q') ?? '');

  useEffect(() => setQuery(params.get('q') ?? ''), [params]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const { page, ...listFilter } = filter;
  const key = JSON.stringify(filter);
  const { value, loading, error } = useAsync(
    () =>
      api.listPosts({
        ...listFilter,
        sort: listSort(kind, Boolean(listFilter.q)),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [api, key],
  );
  const events = useAsync(
    () => (kind === 'hack' ? api.listEvents() : Promise.resolve([])),
    [api, kind],
  );
  const teams = useCatalogGroups(kind === 'embed');

  const skills = filter.skills ?? [];
  const toggleSkill = (skill: string) => {
    const next = skills.includes(skill)
      ? skills.filter(s => s !== skill)
      : [...skills, skill];
    update({ skills: next.join(',') || undefined });
  };
  const quickActive = (p: Record<string, string>) =>
    Object.entries(p).every(([k, v]) => params.get(k) === v);

  const kindInText = t(`common.kindsInText.${kind}`);
  const kindsInText = t(`common.kindsInText.${kind}s`);
  const createButton = (icon?: ReactNode) => (
    <Button
      variant="contained"
      color="primary"
      startIcon={icon}
      onClick={() => navigate(path(`/new/${kind}`))}
    >
      {kind === 'hack'
        ? t('posts.postList.postHack', { kind: kindInText })
        : t('posts.postList.createPost', { kind: kindInText })}
    </Button>
  );

  return (
    <Box>
      <Paper variant="outlined" style={{ padding: 16, marginBottom: 16 }}>
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          mb={2}
          style={{ gap: 12 }}
        >
          <form
            role="search"
            onSubmit={e => {
              e.preventDefault();
              update({ q: query.trim() || undefined });
            }}
            style={{ flexGrow: 1, minWidth: 280 }}
          >
            <TextField
              fullWidth
              variant="outlined"
              size="small"
              value={query}
              onChange={e => setQuery(e.target.value)}
              onBlur={() => {
                if ((params.get('q') ?? '') !== query.trim())
                  update({ q: query.trim() || undefined });
              }}
              placeholder={t('posts.postList.search', { kind: kindsInText })}
              inputProps={{
                'aria-label': t('posts.postList.search', {
                  kind: kindsInText,
                }),
              }}
              InputProps={{
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchIcon />
                  </InputAdornment>
                ),
              }}
            />
          </form>
          {createButton(<AddIcon />)}
        </Box>

        <Box mb={1} aria-label={t('posts.postList.filterBySkill')} role="group">
          {TOP_SKILLS.map(skill => (
            <Chip
              key={skill}
              label={skill}
              clickable
              color={skills.includes(skill) ? 'primary' : 'default'}
              onClick={() => toggleSkill(skill)}
              aria-pressed={skills.includes(skill)}
              style={{ marginRight: 6, marginBottom: 6 }}
            />
          ))}
          {skills
            .filter(s => !TOP_SKILLS.includes(s))
            .map(skill => (
              <Chip
                key={skill}
                label={skill}
                color="primary"
                onDelete={() => toggleSkill(skill)}
                style={{ marginRight: 6, marginBottom: 6 }}
              />
            ))}
        </Box>

        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          mb={2}
          style={{ gap: 8 }}
        >
          {QUICK_FILTERS[kind].map(f => {
            const active = quickActive(f.params);
            return (
              <Chip
                key={f.id}
                label={quickFilterLabel(t, kind, f.id)}
                variant={active ? 'default' : 'outlined'}
                color={active ? 'primary' : 'default'}
                clickable
                aria-pressed={active}
                onClick={() =>
                  update(
                    Object.fromEntries(
                      Object.entries(f.params).map(([k, v]) => [
                        k,
                        active ? undefined : v,
                      ]),
                    ),
                  )
                }
              />
            );
          })}
          {filterSelects(t, kind, events.value ?? [], teams.value ?? []).map(
            select => (
              <FilterSelect
                key={select.param}
                {...select}
                value={params.get(select.param)}
                onChange={update}
              />
            ),
          )}
        </Box>
      </Paper>

      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && value.items.length === 0 && (
        <EmptyState
          missing="content"
          title={t('posts.postList.noMatchTitle', { kind: kindsInText })}
          description={
            params.toString()
              ? t('posts.postList.noMatchFiltered')
              : t('posts.postList.noMatchEmpty', { kind: kindInText })
          }
          action={createButton()}
        />
      )}
      {value && value.items.length > 0 && (
        <>
          <Typography variant="body2" gutterBottom>
            {countLine(t, value, kind, Boolean(listFilter.q))}
          </Typography>
          <Grid container spacing={2}>
            {value.items.map(post => (
              <Grid item xs={12} md={6} lg={4} key={post.id}>
                <PostCard post={post} highlight={skills} />
              </Grid>
            ))}
          </Grid>
          {value.totalItems > PAGE_SIZE && (
            <Box display="flex" justifyContent="center" mt={2}>
              <Pagination
                count={Math.ceil(value.totalItems / PAGE_SIZE)}
                page={page}
                onChange={(_e, p) => update({ page: String(p) })}
              />
            </Box>
          )}
        </>
      )}
    </Box>
  );
};

/**
 * The knowledge base in memory: the validated contents of data/ with look-ups by id. It is built
 * once and never changed; a reload builds a new one.
 */
import type { Country, Organization, Overview, Partner, Project, Region, Sector } from './schema';

export interface KnowledgeBaseParts {
  readonly organizations: readonly Organization[];
  readonly projects: readonly Project[];
  readonly partners: readonly Partner[];
  readonly countries: readonly Country[];
  readonly regions: readonly Region[];
  readonly sectors: readonly Sector[];
  readonly overview: Overview;
}

/** What the knowledge base files projects by (see `projectsBy`). */
export type ProjectFacet = 'lead' | 'country' | 'region' | 'sector' | 'partner' | 'video' | 'video-language';

/** Where a broken reference or a duplicate was found, for a message that names it. */
export interface KnowledgeProblem {
  readonly file: string;
  readonly item: string;
  readonly field: string;
  readonly message: string;
}

export class KnowledgeBaseError extends Error {
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    super(
      `invalid knowledge base:\n${problems
        .map((p) => `  ${p.file}: item "${p.item}", field "${p.field}": ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'KnowledgeBaseError';
  }
}

export class KnowledgeBase implements KnowledgeBaseParts {
  readonly organizations: readonly Organization[];
  readonly projects: readonly Project[];
  readonly partners: readonly Partner[];
  readonly countries: readonly Country[];
  readonly regions: readonly Region[];
  readonly sectors: readonly Sector[];
  readonly overview: Overview;

  private readonly organizationsById: ReadonlyMap<string, Organization>;
  private readonly projectsById: ReadonlyMap<string, Project>;
  private readonly partnersById: ReadonlyMap<string, Partner>;
  private readonly countriesById: ReadonlyMap<string, Country>;
  private readonly regionsById: ReadonlyMap<string, Region>;
  private readonly sectorsById: ReadonlyMap<string, Sector>;
  private readonly projectsByFacet = new Map<string, Project[]>();
  private readonly projectRanks = new Map<string, number>();

  /** Checks the references between files; `files` names the file each kind of item came from. */
  constructor(parts: KnowledgeBaseParts, files: Partial<Record<keyof KnowledgeBaseParts, string>> = {}) {
    this.organizations = parts.organizations;
    // Projects are presented grouped by sector, in the order the sectors are listed.
    const sectorOrder = new Map(parts.sectors.map((sector, index) => [sector.id, index]));
    this.projects = parts.projects
      .map((project, index) => ({ project, index }))
      .sort((a, b) => (sectorOrder.get(a.project.sector) ?? 0) - (sectorOrder.get(b.project.sector) ?? 0) || a.index - b.index)
      .map(({ project }) => project);
    this.partners = parts.partners;
    this.countries = parts.countries;
    this.regions = parts.regions;
    this.sectors = parts.sectors;
    this.overview = parts.overview;

    const problems: KnowledgeProblem[] = [];
    const byId = <T extends { id: string }>(items: readonly T[], kind: keyof KnowledgeBaseParts): Map<string, T> => {
      const map = new Map<string, T>();
      for (const item of items) {
        if (map.has(item.id)) {
          problems.push({ file: files[kind] ?? kind, item: item.id, field: 'id', message: 'is used twice' });
        }
        map.set(item.id, item);
      }
      return map;
    };
    this.organizationsById = byId(parts.organizations, 'organizations');
    this.projectsById = byId(parts.projects, 'projects');
    this.partnersById = byId(parts.partners, 'partners');
    this.countriesById = byId(parts.countries, 'countries');
    this.regionsById = byId(parts.regions, 'regions');
    this.sectorsById = byId(parts.sectors, 'sectors');

    const mustExist = (map: ReadonlyMap<string, unknown>, value: string, problem: Omit<KnowledgeProblem, 'message'>, what: string) => {
      if (!map.has(value)) problems.push({ ...problem, message: `"${value}" is not a known ${what}` });
    };
    for (const project of parts.projects) {
      // One file per project, named by its id (the loader checks it).
      const file = `${files.projects ?? 'projects'}/${project.id}.yaml`;
      mustExist(this.organizationsById, project.lead, { file, item: project.id, field: 'lead' }, 'organization id');
      mustExist(this.countriesById, project.country, { file, item: project.id, field: 'country' }, 'country id');
      mustExist(this.sectorsById, project.sector, { file, item: project.id, field: 'sector' }, 'sector id');
      project.partners.forEach((partner, index) =>
        mustExist(this.partnersById, partner, { file, item: project.id, field: `partners[${index}]` }, 'partner id'),
      );
    }
    for (const country of parts.countries) {
      const file = files.countries ?? 'countries';
      mustExist(this.regionsById, country.region, { file, item: country.id, field: 'region' }, 'region id');
    }
    for (const organization of parts.organizations) {
      const file = files.organizations ?? 'organizations';
      organization.activeInCountriesSince.forEach(({ country }, index) =>
        mustExist(this.countriesById, country, { file, item: organization.id, field: `activeInCountriesSince[${index}].country` }, 'country id'),
      );
    }
    for (const partner of parts.partners) {
      if (partner.country) {
        const file = files.partners ?? 'partners';
        mustExist(this.countriesById, partner.country, { file, item: partner.id, field: 'country' }, 'country id');
      }
    }
    if (problems.length > 0) throw new KnowledgeBaseError(problems);

    // Projects filed by what questions narrow them down by, so a filter reads a short list.
    const file = (key: string, project: Project) => {
      const list = this.projectsByFacet.get(key);
      if (list) list.push(project);
      else this.projectsByFacet.set(key, [project]);
    };
    this.projects.forEach((project, rank) => this.projectRanks.set(project.id, rank));
    for (const project of this.projects) {
      file(`lead:${project.lead}`, project);
      file(`country:${project.country}`, project);
      file(`region:${this.countriesById.get(project.country)!.region}`, project);
      file(`sector:${project.sector}`, project);
      for (const partner of project.partners) file(`partner:${partner}`, project);
      file(`video:${project.videos.length ? 'with' : 'without'}`, project);
      for (const language of new Set(project.videos.map((video) => video.language))) if (language) file(`video-language:${language}`, project);
    }
  }

  /** The position of a project in the order answers present projects. */
  projectRank(id: string): number {
    return this.projectRanks.get(id) ?? Number.MAX_SAFE_INTEGER;
  }

  /**
   * The projects of a lead organization, a country, a region, a sector or a partner; with a video
   * or without one (`video`, `with` or `without`); with a video in a language (`video-language`).
   * A region's projects are those of its countries (a region that covers every country has none
   * of its own: see `coversEveryCountry`).
   */
  projectsBy(facet: ProjectFacet, id: string): readonly Project[] {
    return this.projectsByFacet.get(`${facet}:${id}`) ?? [];
  }

  organization(id: string): Organization | undefined {
    return this.organizationsById.get(id);
  }
  project(id: string): Project | undefined {
    return this.projectsById.get(id);
  }
  partner(id: string): Partner | undefined {
    return this.partnersById.get(id);
  }
  country(id: string): Country | undefined {
    return this.countriesById.get(id);
  }
  region(id: string): Region | undefined {
    return this.regionsById.get(id);
  }
  sector(id: string): Sector | undefined {
    return this.sectorsById.get(id);
  }
}

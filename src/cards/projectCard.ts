/**
 * The cards of a project: the whole project (summary, lead organization, partners, place, period,
 * key facts, videos) when it is presented or asked about as a whole; a compact card (its title,
 * who and where, and buttons) beside the answer to one of its facets; and a project as one
 * clickable entry of a list.
 */
import type { Project } from '../knowledge/schema';
import {
  countryName,
  joinList,
  organizationName,
  organizationShortInSentence,
  partnerNames,
  projectShortName,
  projectTitle,
  regionName,
  sectorName,
  videoLabel,
  videosFor,
  type Wording,
} from '../answers/wording';
import { withSubject } from './subject';
import { ask, bullets, card, facts, openUrl, subtitle, text, title, type AdaptiveCard, type CardAction, type Container, type SubmitAction } from './adaptiveCard';

export function videoActions(w: Wording, project: Project): CardAction[] {
  return videosFor(project, w.language).map((video) => openUrl(`▶ ${videoLabel(w, video)}`, video.url));
}

/** The button that opens the whole project: its title, asked as a question. */
export function wholeProjectAction(w: Wording, project: Project): SubmitAction {
  return ask(w.t('card.wholeProject'), project.title[w.language]);
}

/** Buttons that ask for the video of each of these projects, labelled with their short names. */
export function videoOfProjectActions(w: Wording, projects: readonly Project[]): SubmitAction[] {
  return projects.map((project) => ask(`▶ ${projectShortName(w, project)}`, w.t('suggestion.videoOf', { title: project.title[w.language] })));
}

/** The follow-up questions worth offering after a project's answer (but the one just answered). */
export function projectFollowUps(w: Wording, project: Project, answered: 'partners' | 'none' = 'none'): CardAction[] {
  const lead = organizationShortInSentence(w, project.lead);
  const actions: CardAction[] = [];
  if (project.partners.length && answered !== 'partners') actions.push(ask(w.t('suggestion.partners')));
  actions.push(ask(w.t('suggestion.profile', { acronym: lead })));
  actions.push(ask(w.t('suggestion.projectsOf', { acronym: lead })));
  return actions;
}

/** Who leads the project, where, in which sector: the line under its title. */
function projectLine(w: Wording, project: Project): string {
  return [organizationName(w, project.lead), countryName(w, project.country), sectorName(w, project.sector)].join(' · ');
}

/** The whole project; its follow-up buttons carry its ids, also where it is shown outside an answer (the compose box's search). */
export function projectCard(w: Wording, project: Project): AdaptiveCard {
  const country = w.kb.country(project.country);
  const partners = partnerNames(w, project);
  const whole = card(
    [
      title(projectTitle(w, project)),
      subtitle(`${sectorName(w, project.sector)} · ${countryName(w, project.country)}`),
      text(project.summary[w.language]),
      facts([
        [w.t('card.lead'), w.kb.organization(project.lead)?.name[w.language] ?? organizationName(w, project.lead)],
        [w.t('card.partners'), partners.length ? joinList(partners, w.language) : undefined],
        [w.t('card.country'), country ? `${countryName(w, country.id)} (${regionName(w, country.region)})` : undefined],
        [w.t('card.period'), project.period.text[w.language]],
      ]),
      text(w.t('card.keyFacts'), { weight: 'Bolder', spacing: 'Medium' }),
      bullets(project.facts.map((fact) => fact[w.language])),
    ],
    [...videoActions(w, project), ...projectFollowUps(w, project)],
  );
  return withSubject(whole, { projects: [project.id], organizations: [project.lead] });
}

/** A project beside the answer to one of its facets: title, who and where, and the buttons given (the one asked for first). */
export function compactProjectCard(w: Wording, project: Project, actions: readonly CardAction[]): AdaptiveCard {
  return card([title(projectTitle(w, project)), subtitle(projectLine(w, project))], actions);
}

/** A project as one entry of a list: its title in the accent colour with a chevron (a link to it), who and where, its summary. */
export function projectListItem(w: Wording, project: Project, options: { readonly first: boolean; readonly withVideos: boolean }): Container {
  const videos = options.withVideos ? videoActions(w, project) : [];
  return {
    type: 'Container',
    separator: !options.first,
    spacing: 'Medium',
    selectAction: { ...ask(w.t('card.moreAbout', { title: projectShortName(w, project) }), project.title[w.language]), tooltip: w.t('card.moreAbout', { title: project.title[w.language] }) },
    items: [
      text(`${projectTitle(w, project)} ›`, { weight: 'Bolder', color: 'Accent' })!,
      subtitle(projectLine(w, project))!,
      text(project.summary[w.language])!,
      ...(videos.length ? [{ type: 'ActionSet' as const, actions: videos }] : []),
    ],
  };
}

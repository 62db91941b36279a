/** The card of one project: summary, lead organization, partners, place, period, key facts, videos. */
import type { Project } from '../knowledge/schema';
import {
  countryName,
  organizationName,
  partnerNames,
  projectTitle,
  regionName,
  sectorName,
  videoLabel,
  videosFor,
  joinList,
  type Wording,
} from '../answers/wording';
import { ask, bullets, card, facts, openUrl, text, title, type AdaptiveCard, type CardAction, type Container } from './adaptiveCard';

export function videoActions(w: Wording, project: Project): CardAction[] {
  return videosFor(project, w.language).map((video) => openUrl(`▶ ${videoLabel(w, video)}`, video.url));
}

/** The follow-up questions worth offering after a project's answer. */
export function projectFollowUps(w: Wording, project: Project): CardAction[] {
  const lead = organizationName(w, project.lead);
  const actions: CardAction[] = [];
  if (project.partners.length) actions.push(ask(w.t('suggestion.partners')));
  actions.push(ask(w.t('suggestion.projectsOf', { acronym: lead })));
  actions.push(ask(w.t('suggestion.profile', { acronym: lead })));
  return actions;
}

export function projectCard(w: Wording, project: Project): AdaptiveCard {
  const country = w.kb.country(project.country);
  const partners = partnerNames(w, project);
  return card(
    [
      title(projectTitle(w, project)),
      text(`${sectorName(w, project.sector)} · ${countryName(w, project.country)}`, { isSubtle: true, spacing: 'None' }),
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
}

/** A project as one entry of a list: title, lead and place, one-line summary, its videos. */
export function projectListItem(w: Wording, project: Project, first: boolean): Container {
  const videos = videoActions(w, project);
  return {
    type: 'Container',
    separator: !first,
    selectAction: ask(w.t('card.moreAbout', { title: project.title[w.language] }), project.acronym ?? project.title[w.language]),
    items: [
      title(projectTitle(w, project))!,
      text(`${organizationName(w, project.lead)} · ${countryName(w, project.country)} · ${sectorName(w, project.sector)}`, {
        isSubtle: true,
        spacing: 'None',
      })!,
      text(project.summary[w.language])!,
      ...(videos.length ? [{ type: 'ActionSet' as const, actions: videos }] : []),
    ],
  };
}

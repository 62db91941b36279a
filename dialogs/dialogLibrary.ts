/**
 * The parts of botbuilder-dialogs the bot uses, each imported from its own module. The package's
 * index also loads every prompt with the recognizers-text language models (about 40 MB of memory
 * per process, a quarter of the bot's footprint); the bot uses none of them, since its own
 * understanding reads the users' choices.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogTurnStatus, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
export { type DialogContext, type DialogState } from 'botbuilder-dialogs/lib/dialogContext';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export { type WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';

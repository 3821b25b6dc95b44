// The answering stages are one unit (docs/CONTRIBUTING.md, the architecture test): each stage's folder is its namespace,
// and every stage and the rest of the core see them all.
global using LmcBot.Core.Answering.Composing;
global using LmcBot.Core.Answering.Deciding;
global using LmcBot.Core.Answering.Legacy;
global using LmcBot.Core.Answering.Names;
global using LmcBot.Core.Answering.Normalising;
global using LmcBot.Core.Answering.Reading;
global using LmcBot.Core.Answering.Retrieval;
global using LmcBot.Core.Answering.Scoring;

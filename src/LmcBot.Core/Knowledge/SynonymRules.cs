namespace LmcBot.Core.Knowledge;

/// <summary>
/// What <c>knowledge/synonyms.yaml</c> is checked against, from the question vocabulary that folds words with it: a
/// target may not be a stop word, and no word may get two targets or be folded twice (a → b → c) across the file and
/// the <paramref name="GeneralStems"/> (the vocabulary's general synonyms, stem to stem).
/// </summary>
public sealed record SynonymRules(Func<string, bool> IsStopWord, IReadOnlyDictionary<string, string> GeneralStems);

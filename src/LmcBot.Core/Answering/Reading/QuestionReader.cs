using System.Globalization;
using LmcBot.Core.Text;

namespace LmcBot.Core.Answering.Reading;

/// <summary>
/// Stage 3, read the question: what is asked (who, what, when, where, how many, how much, why, list,
/// overview), the subject words, years, numbers, ordinals and constraints, read against the knowledge
/// base's vocabulary. Nothing here scores a fact.
/// </summary>
internal static class QuestionReader
{
    public static QuestionAnalysis Read(NormalisedQuestion question, ResolvedNames names)
    {
        var tokens = names.Typed;
        var corrected = names.Tokens;
        var mentions = names.Mentions;
        var inEntity = new bool[corrected.Length];
        foreach (var mention in mentions)
            for (var i = mention.Start; i < mention.Start + mention.Length; i++) inEntity[i] = true;

        var content = new List<string>();
        var unknown = new List<string>();
        var all = new HashSet<string>(StringComparer.Ordinal);
        var years = new List<int>();
        var ordinals = new List<int>();
        var numbers = new List<string>();
        var unknownAt = new List<int>();
        var subjectAt = new HashSet<int>();
        for (var i = 0; i < corrected.Length; i++)
        {
            var token = corrected[i];
            // "first" before a verb ("when did China first share data") says "earliest", not "number one".
            var adverbial = token == "first" && i + 1 < corrected.Length && IsVerbLike(corrected[i + 1]);
            if (Lexicon.Ordinals.TryGetValue(token, out var ordinal) && !inEntity[i] && !adverbial)
            {
                ordinals.Add(ordinal);
                var word = Lexicon.OrdinalWords[ordinal];
                all.Add(word);
                content.Add(word);
                continue;
            }
            var stem = Stemmer.Stem(token);
            var term = Lexicon.Canonical(stem);
            all.Add(term);
            all.Add(stem);
            all.Add(token);
            if (token.Length == 4 && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
            {
                years.Add(year);
                continue;
            }
            if (inEntity[i] || Lexicon.StopWords.Contains(token) || Lexicon.StopWords.Contains(stem)) continue;
            // "first year", "first month": the unit after an ordinal is part of the subject.
            var afterOrdinal = i > 0 && Lexicon.Ordinals.ContainsKey(corrected[i - 1]);
            if (IsCueOnly(token, stem) && !afterOrdinal) continue;
            if (token.All(char.IsDigit))
            {
                if (token.Length >= 2 && !inEntity[i]) numbers.Add(" " + token + " ");
                continue;
            }
            content.Add(term);
            if (!names.IsKnownOrName(token))
            {
                unknown.Add(token);
                unknownAt.Add(i);
            }
            else
            {
                subjectAt.Add(i);
            }
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        if (Array.Exists(corrected, t => t is "which" or "what" or "who" or "list" or "name" or "whose"))
            foreach (var term in all)
                if (Lexicon.AnswerTypes.TryGetValue(term, out var type)) wanted.Add(type);
        if (Array.IndexOf(corrected, "who") >= 0) wanted.Add("agent");
        if (Array.IndexOf(corrected, "where") >= 0) wanted.Add("place");

        var phrases = new List<string>();
        for (var i = 0; i + 1 < corrected.Length; i++)
            if (!inEntity[i] && !inEntity[i + 1] && !Lexicon.StopWords.Contains(corrected[i]) && !Lexicon.StopWords.Contains(corrected[i + 1]))
                phrases.Add(" " + corrected[i] + " " + corrected[i + 1] + " ");
        var asksWhen = false;
        for (var i = 0; i < corrected.Length && !asksWhen; i++)
            asksWhen = !(i > 0 && Lexicon.Ordinals.ContainsKey(corrected[i - 1])) && corrected[i] is "when" or "year" or "date";

        return new QuestionAnalysis
        {
            WantedTypes = wanted,
            Numbers = numbers,
            AskedAttribute = AskedAttributeOf(corrected, inEntity),
            UnknownModifiesSubject = unknownAt.Exists(i => subjectAt.Contains(i + 1)),
            AsksAboutFuture = Array.Exists(corrected, Lexicon.FutureCues.Contains)
                && (asksWhen || Array.Exists(corrected, t => t is "will" or "where" or "who" or "planned")),
            Ordinals = ordinals,
            Phrases = phrases,
            AliasTexts = names.AliasTexts,
            Raw = question.Raw,
            Tokens = corrected,
            Mentions = mentions,
            ContentTerms = content.Distinct(StringComparer.Ordinal).ToList(),
            UnknownTerms = unknown,
            UnknownNames = names.UnknownNames,
            Names = names,
            AllTerms = all,
            Years = years,
            AsksWhen = asksWhen,
            AsksQuantity = (all.Contains("how") && (all.Contains("much") || all.Contains("many") || all.Contains("long") || all.Contains("big") || all.Contains("large")))
                || Lexicon.Overlap(all, Lexicon.QuantityCues),
            WantsLatest = Lexicon.Overlap(all, Lexicon.LatestCues),
            WantsSeries = Lexicon.Overlap(all, Lexicon.SeriesCues) && years.Count == 0,
            IsHelp = Lexicon.Overlap(all, Lexicon.HelpCues) || ContainsPhrase(corrected, WhatCanYouDo) || ContainsPhrase(corrected, WhatDoYouKnow),
            IsGreeting = corrected.Length <= 4 && Lexicon.Overlap(all, Lexicon.GreetingCues),
        };
    }

    /// <summary>"what/which is|was|are|were [the] X of|for …": X, as a term, unless it is a stop, number or date word.</summary>
    private static string? AskedAttributeOf(string[] tokens, bool[] inEntity)
    {
        for (var i = 0; i + 3 < tokens.Length; i++)
        {
            if (tokens[i] is not ("what" or "which") || tokens[i + 1] is not ("is" or "was" or "are" or "were")) continue;
            var at = tokens[i + 2] == "the" ? i + 3 : i + 2;
            if (at + 1 >= tokens.Length || tokens[at + 1] is not ("of" or "for") || inEntity[at]) return null;
            var word = tokens[at];
            var stem = Stemmer.Stem(word);
            if (Lexicon.StopWords.Contains(word) || IsCueOnly(word, stem) || Lexicon.QuantityCues.Contains(word) || Lexicon.QuantityCues.Contains(stem)
                || Lexicon.WhenCues.Contains(word) || Lexicon.WhenCues.Contains(stem) || Lexicon.Ordinals.ContainsKey(word))
                return null;
            return Lexicon.Canonical(stem);
        }
        return null;
    }

    /// <summary>A past-tense form or a common verb: what follows an adverbial "first".</summary>
    private static bool IsVerbLike(string token) =>
        Lexicon.CommonVerbs.Contains(token) || (token.Length > 4 && token.EndsWith("ed", StringComparison.Ordinal));

    /// <summary>Cue words say what kind of answer is wanted; "how much" carries no subject.</summary>
    private static bool IsCueOnly(string token, string stem) =>
        token is "when" or "year" or "years" or "date" or "dates" or "much" or "many" or "latest" or "now" or "current"
            or "recent" or "newest" or "today" or "big" or "large" or "total" or "number" or "figure" or "figures"
        || Lexicon.GreetingCues.Contains(stem) || Lexicon.HelpCues.Contains(stem);

    private static readonly string[] WhatCanYouDo = ["what", "can", "you", "do"];
    private static readonly string[] WhatDoYouKnow = ["what", "do", "you", "know"];

    private static bool ContainsPhrase(string[] tokens, string[] words)
    {
        for (var i = 0; i + words.Length <= tokens.Length; i++)
            if (tokens.AsSpan(i, words.Length).SequenceEqual(words)) return true;
        return false;
    }

}

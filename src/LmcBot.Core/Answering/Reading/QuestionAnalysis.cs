using System.Globalization;
using System.Text.RegularExpressions;
using LmcBot.Core.Text;

namespace LmcBot.Core.Answering;

/// <summary>What a question is about and what it asks for, read against the knowledge base's vocabulary.</summary>
internal sealed partial class QuestionAnalysis
{
    public required string Raw { get; init; }
    /// <summary>Folded tokens, typos corrected to known words.</summary>
    public required string[] Tokens { get; init; }
    public required List<EntityMention> Mentions { get; init; }
    /// <summary>Subject terms: stemmed, synonym-folded, not stop words, not part of an entity name.</summary>
    public required List<string> ContentTerms { get; init; }
    /// <summary>Content words the knowledge base does not know at all.</summary>
    public required List<string> UnknownTerms { get; init; }
    /// <summary>Capitalised names in the question that match nothing known (Tesla, France).</summary>
    public required List<string> UnknownNames { get; init; }
    public required HashSet<string> AllTerms { get; init; }
    public required List<int> Years { get; init; }
    /// <summary>Ordinals asked about ("first", "3rd").</summary>
    public required List<int> Ordinals { get; init; }
    /// <summary>Folded alias texts the question used for its entities, when not the canonical name ("mlc").</summary>
    public required List<string> AliasTexts { get; init; }
    /// <summary>Adjacent subject words ("first year"), folded, for phrase matches.</summary>
    public required List<string> Phrases { get; init; }
    /// <summary>Numbers the question quotes that are not years, folded with spaces around (" 400 ").</summary>
    public required List<string> Numbers { get; init; }
    /// <summary>The question asks about what comes next ("When is the next summit?", "upcoming meetings").</summary>
    public bool AsksAboutFuture { get; init; }
    /// <summary>An unknown word stands right before a subject word ("ticket price", "market share"): it names what is asked about.</summary>
    public bool UnknownModifiesSubject { get; init; }
    /// <summary>
    /// The attribute a "what is the X of …" question asks for (the term of X), when X is a subject word
    /// and not a number or date cue: an answer must speak of it.
    /// </summary>
    public string? AskedAttribute { get; init; }
    public bool AsksWhen { get; init; }
    public bool AsksQuantity { get; init; }
    public bool WantsLatest { get; init; }
    public bool WantsSeries { get; init; }
    public bool IsHelp { get; init; }
    public bool IsGreeting { get; init; }
    /// <summary>Entity types a "which/what/who …" question wants back (country, city, company, person, agent).</summary>
    public required HashSet<string> WantedTypes { get; init; }

    private int[]? _entityIds;

    /// <summary>The entities mentioned, each once, in order of first mention.</summary>
    public IReadOnlyList<int> EntityIds => _entityIds ??= [.. Mentions.Select(m => m.EntityId).Distinct()];

    private Dictionary<string, int>? _kindHits;

    /// <summary>How many of the question's words cue a kind of fact (at most 2).</summary>
    public double KindAffinity(string kind)
    {
        if (_kindHits is null)
        {
            // One pass over the question's words counts the cues of every kind.
            var hits = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in AllTerms)
                if (Lexicon.KindsCuedBy.TryGetValue(term, out var kinds))
                    foreach (var cued in kinds) hits[cued] = hits.GetValueOrDefault(cued) + 1;
            _kindHits = hits;
        }
        return Math.Min(_kindHits.GetValueOrDefault(kind), 2);
    }

    public static QuestionAnalysis Analyze(string question, KnowledgeIndex index)
    {
        var raw = question.Length > TextFolding.MaxAnalysedLength ? question[..TextFolding.MaxAnalysedLength] : question;
        var tokens = TextFolding.Tokens(raw);
        if (tokens.Length > 64) tokens = tokens[..64];
        var corrector = index.Corrector;

        // Whether a word is known or part of a name, asked once per word.
        var knownOrName = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool KnownOrName(string word)
        {
            if (!knownOrName.TryGetValue(word, out var known))
                knownOrName[word] = known = index.IsKnownWord(word) || index.Recognizer.IsNameToken(word);
            return known;
        }

        // Correct typos of words the knowledge base knows; entity names get their own fuzzy match.
        var corrected = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            corrected[i] = KnownOrName(token) || token.Any(char.IsDigit)
                ? token
                : corrector.Correct(token) ?? ShortWordCorrection(token) ?? token;
        }
        var mentions = index.Recognizer.Recognize(corrected, KnownOrName);

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
            if (!KnownOrName(token))
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
        var aliasTexts = new List<string>();
        var fuzzyNameTokens = new HashSet<string>(StringComparer.Ordinal);
        // A longer word one typo away from a word the knowledge base uses is that word misspelt
        // ("Phuthay" for "Phuthai"), not the name of something unknown.
        for (var i = 0; i < tokens.Length; i++)
            if (corrected[i] != tokens[i] && tokens[i].Length >= 6 && Levenshtein.Distance(tokens[i], corrected[i], 1) <= 1)
                fuzzyNameTokens.Add(tokens[i]);
        foreach (var mention in mentions)
        {
            if (mention.Fuzzy)
            {
                for (var k = 0; k < mention.Length; k++) fuzzyNameTokens.Add(tokens[mention.Start + k]);
                continue;
            }
            var text = string.Join(' ', corrected, mention.Start, mention.Length);
            if (TextFolding.Compact(text) != index.Entities[mention.EntityId].CompactName && text.Length >= 2) aliasTexts.Add(text);
        }
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
            AliasTexts = aliasTexts,
            Raw = raw,
            Tokens = corrected,
            Mentions = mentions,
            ContentTerms = content.Distinct(StringComparer.Ordinal).ToList(),
            UnknownTerms = unknown,
            UnknownNames = UnknownCapitalisedNames(raw, index, fuzzyNameTokens),
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

    /// <summary>The one short question word (same first letter) a three- or four-letter typo is one edit from ("opn" → "open").</summary>
    private static string? ShortWordCorrection(string token)
    {
        if (token.Length is < 3 or > 4 || !token.All(char.IsAsciiLetterLower)) return null; // longer words are the vocabulary corrector's
        string? found = null;
        foreach (var word in Lexicon.ShortQuestionWords)
        {
            if (word[0] != token[0] || Levenshtein.Distance(token, word, 1) > 1) continue;
            if (found is not null) return null; // ambiguous
            found = word;
        }
        return found;
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

    /// <summary>
    /// Words written with a capital inside the sentence (not its first word) that the knowledge base
    /// does not know: names of things it has no facts about.
    /// </summary>
    private static List<string> UnknownCapitalisedNames(string raw, KnowledgeIndex index, HashSet<string> fuzzyNameTokens)
    {
        var result = new List<string>();
        var i = -1;
        foreach (var match in Word().EnumerateMatches(raw))
        {
            i++;
            if (!char.IsUpper(raw[match.Index])) continue;
            var start = match.Index;
            var before = raw.AsSpan(0, start).TrimEnd();
            var sentenceStart = i == 0 || before.Length == 0 || before[^1] is '.' or '?' or '!' or ':' or '"' or '“';
            if (sentenceStart) continue;
            var word = raw.Substring(match.Index, match.Length);
            var parts = IsAsciiLetters(word) ? [word.ToLowerInvariant()] : TextFolding.Tokens(word);
            if (parts.All(part => part.Length < 3 || Lexicon.StopWords.Contains(part) || index.IsKnownWord(part)
                    || index.Recognizer.IsNameToken(part) || fuzzyNameTokens.Contains(part)))
                continue;
            result.Add(word);
        }
        return result;
    }

    /// <summary>Plain ASCII letters, which <see cref="TextFolding.Tokens"/> only lower-cases into one token.</summary>
    private static bool IsAsciiLetters(string word)
    {
        foreach (var c in word)
            if (!char.IsAsciiLetter(c)) return false;
        return word.Length > 0;
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}'’-]*")]
    private static partial Regex Word();
}

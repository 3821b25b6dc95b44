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
    public bool AsksWhen { get; init; }
    public bool AsksQuantity { get; init; }
    public bool WantsLatest { get; init; }
    public bool WantsSeries { get; init; }
    public bool IsHelp { get; init; }
    public bool IsGreeting { get; init; }
    /// <summary>Entity types a "which/what/who …" question wants back (country, city, company, person, agent).</summary>
    public required HashSet<string> WantedTypes { get; init; }

    public IEnumerable<int> EntityIds => Mentions.Select(m => m.EntityId).Distinct();

    public double KindAffinity(string kind)
    {
        if (!Lexicon.KindCues.TryGetValue(kind, out var cues)) return 0;
        var hits = 0;
        foreach (var term in AllTerms)
            if (cues.Contains(term)) hits++;
        return Math.Min(hits, 2);
    }

    public static QuestionAnalysis Analyze(string question, KnowledgeIndex index)
    {
        var raw = question.Length > TextFolding.MaxAnalysedLength ? question[..TextFolding.MaxAnalysedLength] : question;
        var tokens = TextFolding.Tokens(raw);
        if (tokens.Length > 64) tokens = tokens[..64];
        var corrector = index.Corrector;

        // Correct typos of words the knowledge base knows; entity names get their own fuzzy match.
        var corrected = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            corrected[i] = index.IsKnownWord(token) || index.Recognizer.IsNameToken(token) || token.Any(char.IsDigit)
                ? token
                : corrector.Correct(token) ?? token;
        }
        var mentions = index.Recognizer.Recognize(corrected, word => index.IsKnownWord(word) || index.Recognizer.IsNameToken(word));

        var inEntity = new bool[corrected.Length];
        foreach (var mention in mentions)
            for (var i = mention.Start; i < mention.Start + mention.Length; i++) inEntity[i] = true;

        var content = new List<string>();
        var unknown = new List<string>();
        var all = new HashSet<string>(StringComparer.Ordinal);
        var years = new List<int>();
        var ordinals = new List<int>();
        for (var i = 0; i < corrected.Length; i++)
        {
            var token = corrected[i];
            if (Lexicon.Ordinals.TryGetValue(token, out var ordinal) && !inEntity[i])
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
            if (token.All(char.IsDigit)) continue;
            content.Add(term);
            if (!index.IsKnownWord(token) && !index.Recognizer.IsNameToken(token)) unknown.Add(token);
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        if (corrected.Any(t => t is "which" or "what" or "who" or "list" or "name" or "whose"))
            foreach (var term in all)
                if (Lexicon.AnswerTypes.TryGetValue(term, out var type)) wanted.Add(type);
        if (corrected.Contains("who")) wanted.Add("agent");

        return new QuestionAnalysis
        {
            WantedTypes = wanted,
            Ordinals = ordinals,
            Phrases = Enumerable.Range(0, Math.Max(0, corrected.Length - 1))
                .Where(i => !inEntity[i] && !inEntity[i + 1] && !Lexicon.StopWords.Contains(corrected[i]) && !Lexicon.StopWords.Contains(corrected[i + 1]))
                .Select(i => " " + corrected[i] + " " + corrected[i + 1] + " ").ToList(),
            AliasTexts = mentions.Where(m => !m.Fuzzy)
                .Select(m => (Text: string.Join(' ', corrected.Skip(m.Start).Take(m.Length)), Entity: index.Entities[m.EntityId]))
                .Where(x => TextFolding.Compact(x.Text) != TextFolding.Compact(x.Entity.Name) && x.Text.Length >= 2)
                .Select(x => x.Text).ToList(),
            Raw = raw,
            Tokens = corrected,
            Mentions = mentions,
            ContentTerms = content.Distinct(StringComparer.Ordinal).ToList(),
            UnknownTerms = unknown,
            UnknownNames = UnknownCapitalisedNames(raw, index, mentions.Where(m => m.Fuzzy).SelectMany(m => corrected.Skip(m.Start).Take(m.Length).Select((_, k) => tokens[m.Start + k])).ToHashSet(StringComparer.Ordinal)),
            AllTerms = all,
            Years = years,
            AsksWhen = corrected.Where((t, i) => !(i > 0 && Lexicon.Ordinals.ContainsKey(corrected[i - 1]))).Any(t => t is "when" or "year" or "date"),
            AsksQuantity = (all.Contains("how") && (all.Contains("much") || all.Contains("many") || all.Contains("long") || all.Contains("big") || all.Contains("large")))
                || all.Overlaps(Lexicon.QuantityCues),
            WantsLatest = all.Overlaps(Lexicon.LatestCues),
            WantsSeries = all.Overlaps(Lexicon.SeriesCues) && years.Count == 0,
            IsHelp = all.Overlaps(Lexicon.HelpCues) || ContainsPhrase(corrected, "what can you do") || ContainsPhrase(corrected, "what do you know"),
            IsGreeting = corrected.Length <= 4 && all.Overlaps(Lexicon.GreetingCues),
        };
    }

    /// <summary>Cue words say what kind of answer is wanted; "how much" carries no subject.</summary>
    private static bool IsCueOnly(string token, string stem) =>
        token is "when" or "year" or "years" or "date" or "dates" or "much" or "many" or "latest" or "now" or "current"
            or "recent" or "newest" or "today" or "big" or "large" or "total" or "number" or "figure" or "figures"
        || Lexicon.GreetingCues.Contains(stem) || Lexicon.HelpCues.Contains(stem);

    private static bool ContainsPhrase(string[] tokens, string phrase)
    {
        var words = phrase.Split(' ');
        for (var i = 0; i + words.Length <= tokens.Length; i++)
            if (words.Select((w, j) => tokens[i + j] == w).All(x => x)) return true;
        return false;
    }

    /// <summary>
    /// Words written with a capital inside the sentence (not its first word) that the knowledge base
    /// does not know: names of things it has no facts about.
    /// </summary>
    private static List<string> UnknownCapitalisedNames(string raw, KnowledgeIndex index, HashSet<string> fuzzyNameTokens)
    {
        var result = new List<string>();
        var matches = Word().Matches(raw);
        for (var i = 0; i < matches.Count; i++)
        {
            var word = matches[i].Value;
            if (!char.IsUpper(word[0])) continue;
            var start = matches[i].Index;
            var sentenceStart = i == 0 || raw[..start].TrimEnd() is var before && (before.Length == 0 || before[^1] is '.' or '?' or '!' or ':' or '"' or '“');
            if (sentenceStart) continue;
            var parts = TextFolding.Tokens(word);
            if (parts.All(part => part.Length < 3 || Lexicon.StopWords.Contains(part) || index.IsKnownWord(part)
                    || index.Recognizer.IsNameToken(part) || fuzzyNameTokens.Contains(part)))
                continue;
            result.Add(word);
        }
        return result;
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}'’-]*")]
    private static partial Regex Word();
}

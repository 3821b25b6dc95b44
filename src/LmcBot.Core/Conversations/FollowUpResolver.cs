using System.Globalization;
using System.Text;
using LmcBot.Core.Answering;

namespace LmcBot.Core.Conversations;

/// <summary>
/// Reads a message against the conversation's context when it lacks a subject of its own. The message is read by the
/// answering pipeline's first stages (names, years, subject words); what it lacks is taken from the last answered
/// question, and nothing else:
/// <list type="bullet">
/// <item>only years ("and in 2022?", "2023?"): the last question with its years replaced;</item>
/// <item>a follow-up cue and a known name of the same type as a subject of the last question ("what about Laos?"): the
/// last question with that subject replaced;</item>
/// <item>a cue and a name inside a subject's own name ("and the Lao section?" after the China-Laos Railway): the last
/// question narrowed by those words;</item>
/// <item>a cue and new subject words but no name ("what about passengers in 2024?", "and freight?"): those words about
/// the last subjects, in the last question's years unless the message gives its own;</item>
/// <item>no name at all ("when did it open?", "how big is it?"): the message with "it", "they"… standing for the last
/// subjects.</item>
/// </list>
/// A message that names something of its own otherwise (a known entity, or a name the knowledge base lacks) is taken as
/// asked, so context can never turn a question about one thing into an answer about another.
/// </summary>
public static class FollowUpResolver
{
    public static ResolvedQuestion Resolve(string message, ConversationContext? context, KnowledgeIndex index)
    {
        var asAsked = ResolvedQuestion.AsAsked(message, index);
        if (context is null) return asAsked;
        var analysis = Readings.Analyze(message, index);
        if (analysis.IsGreeting || analysis.IsHelp) return asAsked;

        var tokens = analysis.Tokens;
        var cued = IsCued(tokens);
        var ownEntities = analysis.EntityIds.Select(id => index.Entities[id]).ToList();
        var hasOwnName = ownEntities.Count > 0 || analysis.UnknownNames.Count > 0;
        var hasSubjectWords = analysis.ContentTerms.Count > 0;
        var years = analysis.Years;

        if (hasOwnName)
        {
            if (!cued || analysis.UnknownNames.Count > 0) return asAsked;
            var contextEntities = context.Subjects.Select(index.EntityNamed).OfType<IndexedEntity>().ToList();
            // "and the Lao section?": every name it gives is part of a subject's own name, so it narrows that subject.
            if (ownEntities.All(e => contextEntities.Any(c => c.Id != e.Id && Contains(c.Name, e))))
                return FromContext(Join(WithYears(context.Question, years), Remainder(analysis, index)), context.Subjects, years.Count > 0 ? years : context.Years, index);
            if (hasSubjectWords) return asAsked;
            // "what about Laos?": each new name takes the place of the last question's subject of its type. A name the last
            // question had already stays ("what about yangon and chongqing" after "kunming yangon friendship": Chongqing
            // takes Kunming's place), and no subject the message names is replaced.
            var question = context.Question;
            var subjects = context.Subjects.ToList();
            var named = ownEntities.Select(e => e.Id).ToHashSet();
            foreach (var entity in ownEntities.Where(e => !contextEntities.Any(c => c.Id == e.Id)))
            {
                var replaced = contextEntities.FirstOrDefault(c => c.Type == entity.Type && !named.Contains(c.Id) && question.Contains(c.Name, StringComparison.Ordinal));
                if (replaced is null) return asAsked;
                question = question.Replace(replaced.Name, entity.Name, StringComparison.Ordinal);
                subjects[subjects.IndexOf(replaced.Name)] = entity.Name;
            }
            return FromContext(WithYears(question, years), subjects, years.Count > 0 ? years : context.Years, index);
        }

        // "and the second one?": the same question about another of a numbered series.
        if (analysis.Ordinals.Count > 0 && analysis.ContentTerms.All(t => Array.IndexOf(Lexicon.OrdinalWords, t) > 0 || t == "one")
            && WithOrdinal(context.Question, analysis.Ordinals[0]) is { } renumbered)
            return FromContext(WithYears(renumbered, years), context.Subjects, years.Count > 0 ? years : context.Years, index);

        if (!hasSubjectWords && !HasReferent(tokens))
        {
            // "and in 2022?": the same question about another year.
            if (years.Count > 0)
                return FromContext(WithYears(context.Question, years), context.Subjects, years, index);
            // Nothing but question words ("when?", "where?", "who else?"): the last question, asked with these words instead.
            return cued || analysis.Asked is not (Asked.What or Asked.Overview)
                ? FromContext(Join(Remainder(analysis, index), WithoutQuestionWords(context.Question, index)), context.Subjects, context.Years, index)
                    with { Alternatives = [Join(Remainder(analysis, index), string.Join(' ', context.Subjects))] }
                : asAsked;
        }

        // "and what about tesla?": a word the knowledge base does not know at all, after a cue, is a subject it lacks.
        if (cued && analysis.UnknownTerms.Any(t => !Lexicon.FollowUpCues.Contains(t))) return asAsked;

        if (cued && !HasReferent(tokens))
        {
            // "what about passengers in 2024?", "and freight?": new subject words about the same subjects and years.
            var inYears = years.Count > 0 ? years : context.Years;
            var text = Join(Join(Remainder(analysis, index), string.Join(' ', SubjectsOrTopic(context))), YearsText(years.Count > 0 ? [] : context.Years));
            var appended = Join(WithYears(context.Question, years), Remainder(analysis, index));
            // Or the words added to the last question ("how fast do passenger trains go" → "and freight trains?"): both
            // readings are answered and the better-scored answer is given.
            return FromContext(text, context.Subjects, inYears, index) with { Alternatives = [appended] };
        }

        // "when did it open?", "how big is it?", "how many passengers?": the message about the last subjects (or the topic
        // the last answer named, when "it" can only be that: "where was it" after a question about the tenth meeting).
        IReadOnlyList<string> about = context.Topic is { } topic && (HasReferent(tokens) || context.Subjects.Count == 0) ? [topic] : context.Subjects;
        if (about.Count == 0) return asAsked;
        var reading = FromContext(WithReferents(analysis, index, about), about, years, index);
        List<string> others = about == context.Subjects || context.Subjects.Count == 0 ? [] : [WithReferents(analysis, index, context.Subjects)];
        return reading with { Alternatives = others };
    }

    private static IReadOnlyList<string> SubjectsOrTopic(ConversationContext context) =>
        context.Subjects.Count > 0 ? context.Subjects : context.Topic is { } topic ? [topic] : [];

    /// <summary>The message holds a follow-up cue (<see cref="IsCueWord"/>).</summary>
    private static bool IsCued(string[] tokens) => Enumerable.Range(0, tokens.Length).Any(i => IsCueWord(tokens, i));

    /// <summary>
    /// Token <paramref name="i"/> is part of a follow-up cue: a cue word ("and", "also"), or either word of "what about",
    /// "how about", "what of" ("about" and "of" alone are no cue).
    /// </summary>
    private static bool IsCueWord(string[] tokens, int i) => tokens[i] switch
    {
        "about" or "of" => i > 0 && tokens[i - 1] is "what" or "how",
        "what" or "how" => i + 1 < tokens.Length && tokens[i + 1] is "about" or "of",
        var word => Lexicon.FollowUpCues.Contains(word),
    };

    private static bool HasReferent(string[] tokens) => tokens.Any(Lexicon.ReferentWords.Contains);

    /// <summary>Whether <paramref name="name"/> holds every word of one of <paramref name="entity"/>'s names ("China-Laos Railway" holds "Laos").</summary>
    private static bool Contains(string name, IndexedEntity entity)
    {
        var words = Words(name);
        return entity.Names.Append(entity.Name).Any(n => Words(n) is { Count: > 0 } part && part.All(words.Contains));
    }

    private static HashSet<string> Words(string text) =>
        [.. Text.TextFolding.Tokens(text).SelectMany(t => t.Split('-', StringSplitOptions.RemoveEmptyEntries))];

    /// <summary>The message's words with names written canonically, less its follow-up cue words ("and", "what about").</summary>
    private static string Remainder(QuestionAnalysis analysis, KnowledgeIndex index)
    {
        var tokens = analysis.Tokens;
        var words = new List<string>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (analysis.Mentions.FirstOrDefault(m => m.Start == i && m.Length > 0) is { Length: > 0 } mention)
            {
                words.Add(index.Entities[mention.EntityId].Name);
                i += mention.Length - 1;
                continue;
            }
            if (!IsCueWord(tokens, i)) words.Add(tokens[i]);
        }
        return string.Join(' ', words);
    }

    /// <summary>The message with each referent word ("it", "they") replaced by the last subjects, or them added when it has none.</summary>
    private static string WithReferents(QuestionAnalysis analysis, KnowledgeIndex index, IReadOnlyList<string> subjects)
    {
        var names = string.Join(" and ", subjects);
        var remainder = Remainder(analysis, index).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var replaced = false;
        var words = new List<string>(remainder.Length + 2);
        foreach (var word in remainder)
        {
            if (Lexicon.ReferentWords.Contains(word) && !replaced)
            {
                words.Add(word is "its" or "their" or "his" or "her" ? names + "'s" : names);
                replaced = true;
            }
            else if (!Lexicon.ReferentWords.Contains(word))
            {
                words.Add(word);
            }
        }
        if (!replaced) words.Add(names);
        return string.Join(' ', words);
    }

    /// <summary>The question less its leading question and stop words ("when was the 2025 forum" → "2025 forum").</summary>
    private static string WithoutQuestionWords(string question, KnowledgeIndex index)
    {
        var analysis = Readings.Analyze(question, index);
        var tokens = question.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = 0;
        while (start < tokens.Length && IsQuestionWordOrStop(tokens[start]) && !analysis.Years.Any(y => tokens[start] == y.ToString(CultureInfo.InvariantCulture)))
            start++;
        return start == tokens.Length ? question : string.Join(' ', tokens[start..]);
    }

    private static bool IsQuestionWordOrStop(string token) =>
        char.IsLower(token[0]) && (Lexicon.StopWords.Contains(token) || Lexicon.StopWords.Contains(Text.Stemmer.Stem(token)));

    /// <summary>The question with its ordinal ("first", "8th") replaced by <paramref name="ordinal"/>'s word, or null when it has none.</summary>
    private static string? WithOrdinal(string question, int ordinal)
    {
        var tokens = question.Split(' ');
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!Lexicon.Ordinals.ContainsKey(tokens[i]) && !IsNumberedOrdinal(tokens[i])) continue;
            tokens[i] = ordinal < Lexicon.OrdinalWords.Length && Lexicon.OrdinalWords[ordinal].Length > 0
                ? Lexicon.OrdinalWords[ordinal]
                : ordinal.ToString(CultureInfo.InvariantCulture) + "th";
            return string.Join(' ', tokens);
        }
        return null;
    }

    /// <summary>"8th", "21st": a number with an ordinal suffix.</summary>
    private static bool IsNumberedOrdinal(string token) =>
        token.Length >= 3 && char.IsAsciiDigit(token[0]) && token[^2..] is "st" or "nd" or "rd" or "th" && token[..^2].All(char.IsAsciiDigit);

    /// <summary>The question with its years replaced by <paramref name="years"/>, or "in YEAR" added when it had none.</summary>
    private static string WithYears(string question, List<int> years)
    {
        if (years.Count == 0) return question;
        var tokens = question.Split(' ');
        var sb = new StringBuilder();
        var written = false;
        foreach (var token in tokens)
        {
            if (IsYear(token))
            {
                if (!written) sb.Append(YearsText(years)).Append(' ');
                written = true;
                continue;
            }
            sb.Append(token).Append(' ');
        }
        return written ? sb.ToString().TrimEnd() : Join(question, "in " + YearsText(years));
    }

    private static bool IsYear(string token) =>
        token.Length == 4 && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100;

    private static string YearsText(IReadOnlyList<int> years) => string.Join(" and ", years.Select(y => y.ToString(CultureInfo.InvariantCulture)));

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : a + " " + b;

    private static ResolvedQuestion FromContext(string question, IReadOnlyList<string> subjects, IReadOnlyList<int> years, KnowledgeIndex index)
    {
        var meaning = string.Join(", ", subjects.Concat(years.Select(y => y.ToString(CultureInfo.InvariantCulture))));
        // The context the answer leaves is the question as now understood, read again so its subjects are the ones it names.
        var reread = ResolvedQuestion.AsAsked(question, index);
        return reread with
        {
            UsedContext = true,
            Meaning = meaning,
            Subjects = reread.Subjects.Count > 0 ? reread.Subjects : subjects,
        };
    }
}

using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Chat.Presentation;
using LmcBot.Core.Knowledge;
using LmcBot.Core.Text;
using Microsoft.Extensions.Options;

namespace LmcBot.Core.Conversations;

/// <summary>
/// "Did you mean …?": when the engine answers about one subject (a station, a maker's plant, a meeting) and the pipeline
/// ranks candidates about other subjects of that type close to it (their best candidate's share of the ranker's softmax
/// within <see cref="ConversationOptions.ChoiceMargin"/> of the best one's), none of which the question names or holds
/// more against than the answer's own, the reply offers the first three as choices instead of guessing. Each choice is
/// a question of its own (the asked one with the subject's name put in) that the engine answers about that subject; one
/// that would not is left out, and with fewer than two left the answer is given as usual. The rules and the margin are
/// in docs/ANSWERING.md.
/// </summary>
public sealed class Disambiguator(IOptions<ConversationOptions> options, ActionTokens tokens)
{
    /// <summary>Questions whose choices are remembered per index: the answer cache's default size (KnowledgeOptions.AnswerCacheSize).</summary>
    private const int RememberedQuestions = 1024;

    private readonly IndexMemo<IReadOnlyList<Choice>> _choices = new(RememberedQuestions);

    /// <summary>A reply offering choices instead of <paramref name="answer"/>, or null to give the answer (unit tests read it on a hand-built index).</summary>
    internal Answer? Offer(string question, Answer answer, AnswerEngine engine, KnowledgeIndex index) =>
        ChoicesFor(question, answer, engine, index) is { Count: > 0 } choices ? OfferOf(choices, answer) : null;

    /// <summary>The choices <paramref name="question"/> offers (two or more), or none when the answer is to be given.</summary>
    internal IReadOnlyList<Choice> ChoicesFor(string question, Answer answer, IQuestionAnswerer answerer) =>
        ChoicesFor(question, answer, answerer.Engine, answerer.Index);

    private IReadOnlyList<Choice> ChoicesFor(string question, Answer answer, AnswerEngine engine, KnowledgeIndex index)
    {
        var margin = options.Value.ChoiceMargin;
        if (margin <= 0) return [];
        // The choices are a pure function of the question and the index (the answer is the engine's for them): worked
        // out once per question, so a repeated question does not run the pipeline and the sentence model again.
        return _choices.GetOrAdd(index, question, q => Choices(Read(q, answer, engine, index), margin, subject => Verified(q, subject, engine, index)));
    }

    /// <summary>The "did you mean" reply for <paramref name="choices"/>, each a button with a token of its own.</summary>
    internal Answer OfferOf(IReadOnlyList<Choice> choices, Answer answer)
    {
        var expires = tokens.Now + TimeSpan.FromMinutes(options.Value.ChoiceMinutes);
        return new Answer
        {
            Answered = false,
            Intent = Intent.Choice,
            Confidence = answer.Confidence,
            Text = $"Did you mean {JoinOr([.. choices.Select(c => c.Label)])}?",
            Choices = [.. choices.Select(c => new FollowUp(c.Label, "choose token:" + tokens.Issue(new PendingChoice(c.Question, c.Label) { Expires = expires })))],
        };
    }

    /// <summary>
    /// What a question could mean, before the margin is applied, or null when it must not ask at any margin: the
    /// subjects of the answer's type among the ranked candidates, best first, with the share of the best candidate
    /// about each; the answer's own subject is one of them.
    /// </summary>
    internal static Reading? Read(string question, Answer answer, AnswerEngine engine, KnowledgeIndex index)
    {
        // Only a question the engine answers: a decline stays a decline (an unknown name, a year or meeting the knowledge lacks).
        if (!answer.Answered || FirstStated(answer, index) is not { } stated) return null;
        if (engine.Rank(question, index) is not { } ranking) return null;
        var q = ranking.Question;
        // "List …", "all the meetings", "tell me about Kunming", "what happened in 2018" ask for all of them; "the latest …" says which.
        if (q.Asked is Asked.List or Asked.Overview || q.WantsLatest || Array.Exists(q.Tokens, Lexicon.ListCues.Contains)) return null;
        var named = q.EntityIds.ToHashSet();
        // The answer is about what the question names ("when was the LMC launched"): nothing to choose.
        if (Subject.Of(stated, index) is not { } answered || answered.IsNamedBy(named)) return null;

        var order = Enumerable.Range(0, ranking.Ranked.Count).OrderByDescending(i => ranking.Shares[i])
            .Where(i => ranking.Ranked[i].Fact is not null).Select(i => (Candidate: ranking.Ranked[i], Share: ranking.Shares[i], Subject: Subject.Of(ranking.Ranked[i].Fact!, index)))
            .Where(c => c.Subject is not null && c.Subject.Type == answered.Type).ToList();
        // What the question holds against the answer's own reading; another reading it holds more against (another year,
        // ordinal or category, no date for a "when") is not something it could mean.
        if (order.FirstOrDefault(c => c.Subject!.Equals(answered)) is not { Candidate: { } own }) return null;
        var allowed = Contradictions(own);
        var best = new Dictionary<string, SubjectShare>(StringComparer.Ordinal);
        foreach (var (candidate, share, subject) in order)
        {
            // A named subject is the question's context ("… for the China-Laos Railway"), not another meaning.
            if (subject!.IsNamedBy(named) || !Contradictions(candidate).IsSubsetOf(allowed)) continue;
            best.TryAdd(subject.Key, new SubjectShare(subject, share));
        }
        if (best.Count < 2 || !best.ContainsKey(answered.Key)) return null;
        // A question that names a thing of their type ("Boten station") says which it means; one whose words ask for
        // things of their type ("which companies …", "sister cities of …") wants them all, not a choice.
        var asksForType = q.AllTerms.Select(t => Lexicon.AnswerTypes.GetValueOrDefault(t)).OfType<string>().Where(q.WantedTypes.Contains);
        if (named.Any(id => index.Entities[id].Type == answered.Type) || asksForType.Any(answered.Types.Contains)) return null;
        return new Reading([.. best.Values.OrderByDescending(s => s.Share)], answered);
    }

    private static readonly int[] ContradictionFeatures =
        [.. new[] { "entity-missing", "year-conflict", "category-conflict", "type-mismatch", "attribute-absent" }.Select(FeatureSet.IndexOf)];

    /// <summary>What the question holds against a candidate: a required entity it lacks, an ordinal, year or category it contradicts, what is asked that it cannot give.</summary>
    private static HashSet<int> Contradictions(Candidate candidate) => [.. ContradictionFeatures.Where(i => candidate.Features[i] > 0)];

    /// <summary>Whether a subject's share is close enough to the best one's to be offered beside it at <paramref name="margin"/>.</summary>
    internal static bool Within(double best, double share, double margin) => best - share <= margin;

    /// <summary>
    /// The choices offered at <paramref name="margin"/>: the first three subjects within it of the best, the answer's own
    /// among them, each that <paramref name="verify"/> turns into a choice; none unless two or more, the answer's own one included.
    /// </summary>
    internal static IReadOnlyList<Choice> Choices(Reading? reading, double margin, Func<Subject, Choice?> verify)
    {
        if (reading is null) return [];
        var offered = reading.Offered(margin);
        if (offered.Count < 2 || !offered.Contains(reading.Answered)) return [];
        var choices = new List<Choice>(offered.Count);
        Choice? own = null;
        foreach (var subject in offered)
        {
            if (verify(subject) is not { } choice) continue;
            choices.Add(choice);
            if (subject.Equals(reading.Answered)) own = choice;
        }
        return choices.Count >= 2 && own is not null ? choices : [];
    }

    /// <summary>
    /// <paramref name="subject"/> as a choice, when its question is answered about it: a click must answer about the
    /// subject it names, so each choice is asked before it is offered (the engine is pure, so the click gets this answer).
    /// </summary>
    internal static Choice? Verified(string asked, Subject subject, AnswerEngine engine, KnowledgeIndex index)
    {
        var question = subject.Question(asked);
        return engine.Answer(question, index) is { Answered: true } answer && FirstStated(answer, index) is { } fact
            && Subject.Of(fact, index)?.Key == subject.Key
            ? new Choice(subject.Label, question, fact.Fact.Id)
            : null;
    }

    /// <summary>
    /// The first fact an answer states: its first fact id, or, for an answer that lists facts or quotes a document
    /// sentence without naming fact ids, the fact whose citation is its first one (the same quote, or one holding the other).
    /// </summary>
    internal static IndexedFact? FirstStated(Answer answer, KnowledgeIndex index)
    {
        foreach (var id in answer.FactIds)
            if (index.FactNamed(id) is { } fact) return fact;
        if (answer.Citations is not [var first, ..] || first.Quote.Length == 0) return null;
        var quote = TextFolding.Fold(first.Quote);
        return index.Facts.FirstOrDefault(f => f.Citation is { } c && c.DocumentId == first.DocumentId && c.Quote.Length > 0
            && (TextFolding.Fold(c.Quote) is var cited && (cited.Contains(quote, StringComparison.Ordinal) || quote.Contains(cited, StringComparison.Ordinal))));
    }

    private static string JoinOr(List<string> items) =>
        items.Count <= 2 ? string.Join(" or ", items) : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1];

    /// <summary>A subject a question may mean, with the ranker's share of the best candidate about it.</summary>
    internal sealed record SubjectShare(Subject Subject, double Share);

    /// <summary>What a question could mean (<see cref="Read"/>): its subjects best first, and the one the answer is about.</summary>
    internal sealed record Reading(IReadOnlyList<SubjectShare> Subjects, Subject Answered)
    {
        /// <summary>The subjects it could offer at <paramref name="margin"/>: the first <see cref="AnswerDisplay.MaxChoices"/> within it of the best.</summary>
        public IReadOnlyList<Subject> Offered(double margin) =>
            [.. Subjects.TakeWhile(s => Within(Subjects[0].Share, s.Share, margin)).Take(AnswerDisplay.MaxChoices).Select(s => s.Subject)];
    }

    /// <summary>An offered choice: what the button says, the question a click answers, and the fact its answer states first.</summary>
    internal sealed record Choice(string Label, string Question, string FactId);

    /// <summary>
    /// What a fact is about: the entity its <c>investor</c>, <c>name</c> or <c>subject</c> field names (of that entity's
    /// type), the two cities of a city pair, or a meeting by its name (type "meeting"). Facts about nothing named
    /// have none.
    /// </summary>
    internal sealed record Subject(string Key, string Type, string Label, IReadOnlyList<int> Entities)
    {
        /// <summary>The entity types it stands for, which a question may ask for ("which companies", "which cities").</summary>
        public IEnumerable<string> Types => Type == CityPair ? ["city"] : [Type];

        private const string CityPair = "city pair";

        public static Subject? Of(IndexedFact fact, KnowledgeIndex index)
        {
            var f = fact.Fact;
            if (f.Kind == FactKind.CityPair)
            {
                if (f.Get("city_a") is not { } a || f.Get("city_b") is not { } b) return null;
                var ids = new[] { a, b }.Select(c => index.EntityNamed(c)?.Id).OfType<int>().ToList();
                return new Subject("pair:" + string.Join('|', new[] { a, b }.Order(StringComparer.Ordinal)), CityPair, $"{a} and {b}", ids);
            }
            var name = fact.InvestorField ?? fact.NameField ?? fact.SubjectField;
            if (name is null) return null;
            if (index.EntityNamed(name) is not { } entity) return new Subject("name:" + name, f.Kind, name, []);
            return new Subject("entity:" + entity.Name, entity.Type, entity.Name, [entity.Id]);
        }

        /// <summary>Two subjects are one when their keys are.</summary>
        public bool Equals(Subject? other) => other is not null && Key == other.Key;

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

        /// <summary>The question names it: every entity it stands for is mentioned (a meeting, named in words, never is).</summary>
        public bool IsNamedBy(IReadOnlySet<int> mentioned) => Entities.Count > 0 && Entities.All(mentioned.Contains);

        /// <summary>The self-contained question a click on this choice asks: the asked one with the subject's name put in.</summary>
        public string Question(string asked) => $"{asked.TrimEnd('?', '.', '!', ' ')} ({Label})";
    }
}

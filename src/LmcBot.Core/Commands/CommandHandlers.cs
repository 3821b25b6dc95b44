using System.Globalization;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Commands;

/// <summary>
/// The handlers the catalog's entries carry, one per command (every <c>kb add</c> kind shares <see cref="KbAdd"/>).
/// A test checks that every entry has one and every one here is some entry's.
/// </summary>
internal static class CommandHandlers
{
    public static Answer Ask(CommandContext c) => c.Bot.Converse(c.Request, c.Option("question")!, c.Option("private") == "true");

    /// <summary>A "did you mean" choice clicked (an action: buttons send it, people do not type it).</summary>
    public static Answer Choose(CommandContext c) =>
        c.Bot.Conversations?.Choose(c.Request, c.Option("token")!, c.Bot) ?? NoConversations(Intent.Choice);

    /// <summary>"Helpful" or "Not right" clicked under an answer.</summary>
    public static Answer Feedback(CommandContext c) =>
        c.Bot.Conversations?.Vote(c.Request, c.Option("token")!, string.Equals(c.Option("vote"), "helpful", StringComparison.OrdinalIgnoreCase))
        ?? NoConversations(Intent.Feedback);

    /// <summary>The page as given: the report refuses a page below 1 or beyond an int as kb unanswered does.</summary>
    public static Answer KbFeedback(CommandContext c) => c.Bot.Conversations?.Feedback.Report(c.Option("page")) ?? NoConversations(Intent.KbFeedback);

    private static Answer NoConversations(Intent intent) =>
        Answer.Error(intent, ErrorKind.Invalid, "This bot was started without conversations, so it has no choices or feedback.");

    public static Answer Route(CommandContext c)
    {
        var name = c.Option("name")!;
        return c.Resolve(CompletionSource.Routes, name) is { } resolved && c.Index.EntityNamed(resolved) is { } route
            ? AnswerEngine.Route(c.Index, route)
            : Answer.Error(Intent.Route, ErrorKind.Invalid, $"I don't know a route called \"{name}\". Routes I know: {string.Join(", ", c.Index.Values(CompletionSource.Routes))}.");
    }

    public static Answer Investors(CommandContext c)
    {
        var name = c.Option("country")!;
        return c.Resolve(CompletionSource.Countries, name) is { } resolved && c.Index.EntityNamed(resolved) is { } country
            ? AnswerEngine.Investors(c.Index, country, c.Option("sector"), null, 0.95)
            : Answer.Error(Intent.Investors, ErrorKind.Invalid, $"I don't know a country called \"{name}\". Countries: {string.Join(", ", c.Index.Values(CompletionSource.Countries))}.");
    }

    public static Answer CityPairs(CommandContext c)
    {
        var name = c.Option("city")!;
        return c.Resolve(CompletionSource.Cities, name) is { } resolved && c.Index.EntityNamed(resolved) is { } city
            ? AnswerEngine.CityPairs(c.Index, city, null, 0.95)
            : Answer.Error(Intent.CityPairs, ErrorKind.Invalid, $"I know no partner cities for \"{name}\". Cities with partners: {string.Join(", ", c.Index.Values(CompletionSource.Cities).Take(20))}.");
    }

    public static Answer Trade(CommandContext c)
    {
        var metric = c.Index.Metrics.Where(m => m.Key.Contains("trade", StringComparison.Ordinal)).OrderByDescending(m => m.Value.Count).Select(m => m.Key).FirstOrDefault();
        if (metric is null) return Answer.Error(Intent.Trade, ErrorKind.Invalid, "My knowledge base has no trade figures.");
        int? year = c.Option("year") is { } y ? int.Parse(y, CultureInfo.InvariantCulture) : null;
        return AnswerEngine.Metric(c.Index, metric, year);
    }

    public static Answer About(CommandContext c) => new()
    {
        Answered = false,
        Intent = Intent.About,
        Confidence = 1,
        Title = "About LmcBot",
        Text = $"I answer questions about Lancang-Mekong Cooperation (China with Cambodia, Laos, Myanmar, Thailand and Vietnam) from a knowledge base of {c.Index.DocumentCount} documents and {c.Index.FactCount} facts. "
            + "Every answer quotes the document it rests on, with the source's grade and date; where sources disagree I show each version, and when my knowledge base does not cover a question I say so instead of guessing.",
        Fields = [new AnswerField("Topics", AnswerFormatting.JoinAnd(AnswerEngine.Topics(c.Index)))],
        FollowUps = AnswerEngine.ExampleFollowUps(c.Index),
    };

    public static Answer Sources(CommandContext c)
    {
        var documents = c.Index.AllDocuments.OrderBy(d => d.Origin).ThenBy(d => d.Title, StringComparer.Ordinal).ToList();
        return new Answer
        {
            Answered = false,
            Intent = Intent.Sources,
            Confidence = 1,
            Title = "Sources",
            Text = $"My answers come from {documents.Count} documents. Each statement in them carries its source's grade (official, news agency, encyclopedic, the seed article, or secondary) and date.",
            Fields = documents.Take(25).Select(d =>
            {
                var grades = d.Sources.Select(s => s.Grade).Append(d.Sources.Count == 0 ? d.Grade : null).OfType<string>()
                    .Distinct().OrderBy(SourceGrade.Rank).ToList();
                return new AnswerField(d.Title, $"{d.Id} · {(d.Origin == KnowledgeOrigin.Admin ? "imported by an admin" : "shipped")} · {d.Sources.Count} sources ({string.Join(", ", grades)})" + (d.Url is null ? "" : $" · {d.Url}"));
            }).ToList(),
        };
    }

    public static Answer Help(CommandContext c) => c.Bot.Help();

    /// <summary>Every <c>kb add &lt;kind&gt;</c>: the kind is the entry's name, its fields the entry's options.</summary>
    public static Answer KbAdd(CommandContext c) => c.Editor.Add(c.Command.Name, c.Command.Options.Select(o => o.Name), c.Options, c.Request);

    public static Answer KbEdit(CommandContext c) => c.Editor.Edit(c.Options, c.Request);

    public static Answer KbRemove(CommandContext c) => c.Editor.Remove(c.Options, c.Request);

    public static Answer KbRestore(CommandContext c) => c.Editor.Restore(c.Options, c.Request);

    public static Answer KbShow(CommandContext c) => c.Editor.Show(c.Options);

    public static Answer KbList(CommandContext c) => c.Editor.List(c.Options);

    public static Answer KbImport(CommandContext c) => c.Editor.Import(c.Options, c.Request);

    public static Answer KbHistory(CommandContext c) => c.Editor.History(c.Options);

    public static Answer KbUndo(CommandContext c) => c.Editor.Undo(c.Options, c.Request);

    public static Answer KbUnanswered(CommandContext c) => c.Editor.Unanswered(c.Options);

    public static Answer KbExport(CommandContext c) => c.Editor.Export(c.Options);
}

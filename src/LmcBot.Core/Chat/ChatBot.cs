using System.Diagnostics;
using System.Globalization;
using LmcBot.Core.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core.Commands;
using LmcBot.Core.Knowledge;
using LmcBot.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LmcBot.Core.Chat;

/// <summary>
/// The router: turns a request (typed command or free text) into one handler call and its answer.
/// Every surface (Discord, Teams, console) comes through here.
/// </summary>
public sealed class ChatBot(
    KnowledgeBase knowledgeBase,
    AdminPolicy adminPolicy,
    KnowledgeEditor editor,
    CommandCatalog? catalog = null,
    ILogger<ChatBot>? logger = null,
    ChatMetrics? metrics = null,
    RequestRateLimiter? rateLimiter = null,
    Microsoft.Extensions.Options.IOptions<KnowledgeOptions>? knowledgeOptions = null,
    Answering.Retrieval.ISentenceEmbedder? embedder = null) : IChatBot
{
    private readonly int _answerCacheSize = knowledgeOptions?.Value.AnswerCacheSize ?? 0;

    /// <summary>Longest question accepted, in characters.</summary>
    public const int MaxQuestionLength = 1000;

    // Questions are embedded with the model the store's vectors came from (the pipeline also checks the model id).
    // The shared model is not registered with the container, which would dispose it with the first host that stops.
    private readonly AnswerEngine _engine = new(embedder ?? knowledgeBase.Store.VectorSource?.Embedder,
        knowledgeOptions?.Value.Answering ?? AnsweringEngine.Guarded);
    private readonly CommandCatalog _catalog = catalog ?? CommandCatalog.Default;
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public CommandCatalog Catalog => _catalog;

    /// <summary>How the engine read a question and which facts scored best (diagnostics).</summary>
    public string Explain(string question) => _engine.Explain(question, knowledgeBase.Current);

    public Task<Answer> HandleAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        var command = request.Command is { Length: > 0 } c ? c.Trim() : null;
        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["Platform"] = request.Platform.ToString(),
            ["ScopeId"] = request.ScopeId,
            ["ConversationId"] = request.ConversationId,
        });
        Answer answer;
        if (rateLimiter is not null && !rateLimiter.TryAcquire(request, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            answer = Answer.Error("rate-limited", $"You're asking faster than I can answer; try again in {seconds} second{(seconds == 1 ? "" : "s")}.");
        }
        else
        {
            try
            {
                answer = command is not null ? HandleCommand(command, request.Options, request) : HandleText(request);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Request on {Platform} failed", request.Platform);
                answer = Answer.Error("error", "Something went wrong on my side and nothing was changed. The error was logged for the operators.");
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics?.Record(request.Platform, answer, elapsed);
        // One line per request; never the message text (it may hold personal data).
        _logger.LogInformation("Handled {Command} on {Platform} (scope {ScopeId}): intent {Intent}, answered {Answered}, {ElapsedMs:F1} ms",
            command ?? "text", request.Platform, request.ScopeId ?? "-", answer.Intent, answer.Answered, elapsed.TotalMilliseconds);
        return Task.FromResult(answer);
    }

    public IReadOnlyList<string> Complete(string command, string option, string partial, int max = 25)
    {
        var definition = _catalog.Find(command);
        var source = definition?.Options.FirstOrDefault(o => o.Name == option) is { } o
            ? (o.Autocomplete != CompletionSource.None ? o.Autocomplete : o.Choices)
            : CompletionSource.None;
        var values = source == CompletionSource.None
            ? definition?.Options.FirstOrDefault(x => x.Name == option)?.FixedChoices ?? []
            : knowledgeBase.Current.Values(source);
        var needle = TextFolding.Compact(partial);
        return values
            .Select(v => (Value: v, Key: TextFolding.Compact(v)))
            .Where(v => needle.Length == 0 || v.Key.Contains(needle, StringComparison.Ordinal))
            .OrderBy(v => v.Key.StartsWith(needle, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(v => v.Value, StringComparer.OrdinalIgnoreCase)
            .Take(Math.Clamp(max, 0, 25))
            .Select(v => v.Value)
            .ToList();
    }

    /// <summary>Answers a question (the <c>ask</c> path), counting declines for <c>kb unanswered</c>.</summary>
    public Answer Ask(string question, ChatPlatform platform, bool isPrivate = false)
    {
        question = TextFolding.Sanitize(question).Trim();
        if (question.Length == 0)
            return Answer.Error("usage", "Ask me a question, for example: \"When was the China-Laos Railway opened?\"");
        if (question.Length > MaxQuestionLength)
            return Answer.Error("usage", $"That question is {question.Length:N0} characters long; please ask in at most {MaxQuestionLength:N0}.");
        var answer = RememberedAnswer(question, knowledgeBase.Current);
        if (answer.Intent == "help") return Help();
        if (answer.Answered)
            knowledgeBase.RecordAnswered(question);
        else if (answer.Intent is not ("smalltalk" or "empty"))
            knowledgeBase.RecordUnanswered(question, platform.ToString());
        return isPrivate ? answer with { Private = true } : answer;
    }

    /// <summary>
    /// The engine's answer, remembered per knowledge version: the engine is a pure function of the
    /// question and an immutable index, so the answer for a question already asked is the same one.
    /// Bounded: a full cache starts again empty.
    /// </summary>
    private Answer RememberedAnswer(string question, KnowledgeIndex index)
    {
        if (_answerCacheSize <= 0) return _engine.Answer(question, index);
        var remembered = index.RememberedAnswers;
        if (remembered.TryGetValue(question, out var answer)) return answer;
        answer = _engine.Answer(question, index);
        if (remembered.Count >= _answerCacheSize) remembered.Clear();
        remembered.TryAdd(question, answer);
        return answer;
    }

    private Answer HandleText(ChatRequest request)
    {
        var text = TextFolding.Sanitize(request.Text ?? "").Trim();
        if (text.Length == 0)
            return Answer.Error("usage", "Ask me a question, or type help to see what I can do.");
        if (TextCommandParser.Parse(text, _catalog) is { } parsed && AcceptAsCommand(parsed, out var options))
            return HandleCommand(parsed.Path, options, request);
        return Ask(text, request.Platform);
    }

    /// <summary>
    /// "route StarExpress" is a command; "route from Kunming to Vientiane?" and "about BYD" are questions.
    /// A text command is taken only when its words fit the command.
    /// </summary>
    private bool AcceptAsCommand(ParsedCommand parsed, out Dictionary<string, string> result)
    {
        var options = new Dictionary<string, string>(parsed.Options, StringComparer.Ordinal);
        result = options;
        if (parsed.Command.IsGroup || parsed.Path.StartsWith("kb", StringComparison.Ordinal))
        {
            if (parsed.Positional is { } rest && parsed.Command.Options.FirstOrDefault(o => o.Required && !options.ContainsKey(o.Name)) is { } first)
                options[first.Name] = rest;
            else if (parsed.Positional is not null && !parsed.Command.IsGroup)
                options["\u0000extra"] = parsed.Positional;
            return true;
        }
        if (parsed.Positional is null) return true;
        if (parsed.Path == "ask")
        {
            options["question"] = parsed.Positional;
            return true;
        }
        var target = parsed.Command.Options.FirstOrDefault(o => o.Required && !options.ContainsKey(o.Name) && o.Type == CommandOptionType.String);
        if (target is null) return false;
        var source = target.Autocomplete != CompletionSource.None ? target.Autocomplete : target.Choices;
        if (source == CompletionSource.None) return false;
        if (Resolve(source, parsed.Positional) is not { } value) return false;
        options[target.Name] = value;
        return true;
    }

    /// <summary>A known value for an option: exact, spacing and case folded, an alias, or a small typo.</summary>
    private string? Resolve(CompletionSource source, string text)
    {
        var index = knowledgeBase.Current;
        var values = index.Values(source);
        var key = TextFolding.Compact(text);
        if (values.FirstOrDefault(v => TextFolding.Compact(v) == key) is { } exact) return exact;
        var mentions = index.Recognizer.Recognize(TextFolding.Tokens(text), word => index.Corrector.Contains(word));
        foreach (var mention in mentions)
            if (values.Contains(index.Entities[mention.EntityId].Name)) return index.Entities[mention.EntityId].Name;
        return null;
    }

    private Answer HandleCommand(string path, IReadOnlyDictionary<string, string> options, ChatRequest request)
    {
        var command = _catalog.Find(path);
        if (command is null)
            return Answer.Error("usage", $"There is no command '{path}'. Type help for the list.");
        if (command.IsGroup)
            return Answer.Error("usage", $"'{path}' needs one of: {string.Join(", ", command.Subcommands.Select(s => s.Name))}.");
        if (command.AdminOnly && adminPolicy.Refusal(request) is { } refusal)
            return Answer.Error("admin-only", refusal);
        if (ValidateOptions(path, command, options) is { } problem)
            return Answer.Error("usage", problem);

        string? Option(string name) => options.TryGetValue(name, out var v) && v.Length > 0 ? v.Trim() : null;
        var index = knowledgeBase.Current;
        switch (path)
        {
            case "ask":
                return Ask(Option("question")!, request.Platform, Option("private") == "true");
            case "route":
            {
                var name = Option("name")!;
                var resolved = Resolve(CompletionSource.Routes, name);
                return resolved is null || index.EntityNamed(resolved) is not { } route
                    ? Answer.Error("route", $"I don't know a route called \"{name}\". Routes I know: {string.Join(", ", index.Values(CompletionSource.Routes))}.")
                    : AnswerEngine.Route(index, route);
            }
            case "investors":
            {
                var name = Option("country")!;
                var resolved = Resolve(CompletionSource.Countries, name);
                return resolved is null || index.EntityNamed(resolved) is not { } country
                    ? Answer.Error("investors", $"I don't know a country called \"{name}\". Countries: {string.Join(", ", index.Values(CompletionSource.Countries))}.")
                    : AnswerEngine.Investors(index, country, Option("sector"), null, 0.95);
            }
            case "citypairs":
            {
                var name = Option("city")!;
                var resolved = Resolve(CompletionSource.Cities, name);
                return resolved is null || index.EntityNamed(resolved) is not { } city
                    ? Answer.Error("citypairs", $"I know no partner cities for \"{name}\". Cities with partners: {string.Join(", ", index.Values(CompletionSource.Cities).Take(20))}.")
                    : AnswerEngine.CityPairs(index, city, null, 0.95);
            }
            case "trade":
            {
                var metric = index.Metrics.Where(m => m.Key.Contains("trade", StringComparison.Ordinal)).OrderByDescending(m => m.Value.Count).Select(m => m.Key).FirstOrDefault();
                if (metric is null) return Answer.Error("trade", "My knowledge base has no trade figures.");
                int? year = Option("year") is { } y ? int.Parse(y, CultureInfo.InvariantCulture) : null;
                return AnswerEngine.Metric(index, metric, year);
            }
            case "about":
                return About(index);
            case "sources":
                return Sources(index);
            case "help":
                return Help();
            default:
                return editor.Handle(path, options, request);
        }
    }

    private static string? ValidateOptions(string path, CommandDefinition command, IReadOnlyDictionary<string, string> options)
    {
        if (options.TryGetValue("\u0000extra", out var extra))
            return $"I did not understand \"{extra}\" for {path}. Use name:value options: {string.Join(", ", command.Options.Select(o => o.Name + ":"))}.";
        foreach (var name in options.Keys)
            if (command.Options.All(o => o.Name != name))
                return $"Unknown option '{name}' for {path}. Its options are: {(command.Options.Count == 0 ? "none" : string.Join(", ", command.Options.Select(o => o.Name)))}.";
        foreach (var option in command.Options)
        {
            var present = options.TryGetValue(option.Name, out var value) && !string.IsNullOrWhiteSpace(value);
            if (!present)
            {
                if (option.Required) return $"{path} needs '{option.Name}': {option.Description}.";
                continue;
            }
            if (value!.Length > option.MaxLength)
                return $"'{option.Name}' is {value.Length:N0} characters long; at most {option.MaxLength:N0}.";
            var valid = option.Type switch
            {
                CommandOptionType.Boolean => value is "true" or "false",
                CommandOptionType.Integer => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= -9_007_199_254_740_991 and <= 9_007_199_254_740_991,
                CommandOptionType.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d),
                _ => true,
            };
            if (!valid) return $"'{option.Name}' must be {option.Type.ToString().ToLowerInvariant()}, not \"{value}\".";
            if (option.FixedChoices.Count > 0 && !option.FixedChoices.Contains(value, StringComparer.OrdinalIgnoreCase))
                return $"'{option.Name}' must be one of: {string.Join(", ", option.FixedChoices)}.";
        }
        return null;
    }

    private Answer Help()
    {
        var fields = _catalog.Commands.Where(c => !c.AdminOnly)
            .Select(c => new AnswerField(c.Name, c.Description + (c.Examples.Count > 0 ? $" (e.g. {c.Examples[0]})" : "")))
            .Append(new AnswerField("kb", "Admins: add, edit, remove, import, history, undo, unanswered, export"))
            .ToList();
        return new Answer
        {
            Answered = false,
            Intent = "help",
            Confidence = 1,
            Title = "LmcBot help",
            Text = "Ask me about Lancang-Mekong Cooperation in plain words (\"Which Chinese EV makers invest in Thailand?\", \"starexpress stops\"), or use a command. Every answer names its source.",
            Fields = fields,
            FollowUps = AnswerEngine.ExampleFollowUps(knowledgeBase.Current),
        };
    }

    private static Answer About(KnowledgeIndex index) => new()
    {
        Answered = false,
        Intent = "about",
        Confidence = 1,
        Title = "About LmcBot",
        Text = $"I answer questions about Lancang-Mekong Cooperation (China with Cambodia, Laos, Myanmar, Thailand and Vietnam) from a knowledge base of {index.DocumentCount} documents and {index.FactCount} facts. "
            + "Every answer quotes the document it rests on, with the source's grade and date; where sources disagree I show each version, and when my knowledge base does not cover a question I say so instead of guessing.",
        Fields = [new AnswerField("Topics", AnswerFormatting.JoinAnd(AnswerEngine.Topics(index)))],
        FollowUps = AnswerEngine.ExampleFollowUps(index),
    };

    private static Answer Sources(KnowledgeIndex index)
    {
        var documents = index.AllDocuments.OrderBy(d => d.Origin).ThenBy(d => d.Title, StringComparer.Ordinal).ToList();
        return new Answer
        {
            Answered = false,
            Intent = "sources",
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
}

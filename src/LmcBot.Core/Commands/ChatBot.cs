using System.Diagnostics;
using System.Globalization;
using LmcBot.Core.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Chat.Presentation;
using LmcBot.Core.Conversations;
using LmcBot.Core.Knowledge;
using LmcBot.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LmcBot.Core.Commands;

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
    Embedding.ISentenceEmbedder? embedder = null,
    ConversationService? conversations = null) : IChatBot, IQuestionAnswerer
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

    public KnowledgeBase KnowledgeBase => knowledgeBase;

    public KnowledgeEditor Editor => editor;

    /// <summary>Follow-up context, choices and feedback; null for a bot that answers each message alone (benchmarks, some tests).</summary>
    public ConversationService? Conversations => conversations;

    KnowledgeIndex IQuestionAnswerer.Index => knowledgeBase.Current;

    AnswerEngine IQuestionAnswerer.Engine => _engine;

    Answer IQuestionAnswerer.Ask(string question, ChatPlatform platform) => Ask(question, platform);

    Answer IQuestionAnswerer.Preview(string question) => RememberedAnswer(TextFolding.Sanitize(question).Trim(), knowledgeBase.Current);

    /// <summary>
    /// Answers a question as a message of the asker's conversation (free text and <c>/ask</c>): a follow-up is read
    /// against the conversation's context, and the answer carries choices or feedback actions.
    /// </summary>
    public Answer Converse(ChatRequest request, string question, bool isPrivate = false)
    {
        var answer = conversations is null || TextFolding.Sanitize(question).Trim() is not { Length: > 0 and <= MaxQuestionLength } checkedQuestion
            ? Ask(question, request.Platform)
            : conversations.Ask(request, checkedQuestion, this);
        return isPrivate ? answer with { Private = true } : answer;
    }

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
            answer = Answer.Error(ErrorKind.RateLimited, $"You're asking faster than I can answer; try again in {seconds} second{(seconds == 1 ? "" : "s")}.");
        }
        else
        {
            try
            {
                answer = command is not null ? HandleCommand(command, request.Options, request) : HandleText(request);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                answer = UnexpectedFailure.From(ex, request, _logger);
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
            return Answer.Error(ErrorKind.Usage, "Ask me a question, for example: \"When was the China-Laos Railway opened?\"");
        if (question.Length > MaxQuestionLength)
            return Answer.Error(ErrorKind.Usage, $"That question is {question.Length:N0} characters long; please ask in at most {MaxQuestionLength:N0}.");
        var answer = RememberedAnswer(question, knowledgeBase.Current);
        if (answer.Intent == Intent.Help) return Help();
        if (answer.Answered)
            knowledgeBase.RecordAnswered(question);
        else if (answer.Intent != Intent.Smalltalk && answer.Intent != Intent.Empty)
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
        // A message with no words, such as a bare @mention once the adapter has removed the mention, asks for help.
        if (text.Length == 0)
            return Help();
        if (TextCommandParser.Parse(text, _catalog) is { } parsed && AcceptAsCommand(parsed, out var options))
            return HandleCommand(parsed.Path, options, request);
        return Converse(request, text);
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
    internal string? Resolve(CompletionSource source, string text)
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
            return Answer.Error(ErrorKind.Usage, $"There is no command '{path}'. Type help for the list.");
        if (command.IsGroup)
            return Answer.Error(ErrorKind.Usage, $"'{path}' needs one of: {string.Join(", ", command.Subcommands.Select(s => s.Name))}.");
        if (command.AdminOnly && adminPolicy.Refusal(request) is { } refusal)
            return Answer.Error(ErrorKind.AdminOnly, refusal);
        if (ValidateOptions(path, command, options) is { } problem)
            return Answer.Error(ErrorKind.Usage, problem);
        // The catalog refuses a leaf without a handler, so every command found here has one.
        return command.Handler!(new CommandContext(this, path, command, options, request));
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

    /// <summary>How to ask, and the catalog's commands: a line for each public one, one for the admin commands, and the full list for adapters that render it.</summary>
    internal Answer Help()
    {
        var fields = _catalog.Help.Where(c => !c.AdminOnly)
            .Select(c => new AnswerField(c.Path, c.Description + (c.Examples.Count > 0 ? $" (e.g. {c.Examples[0]})" : "")))
            .Concat(_catalog.Commands.Where(c => c.AdminOnly && c.IsGroup)
                .Select(group => new AnswerField(group.Name, "Admins: " + string.Join(", ", group.Subcommands.Select(s => s.Name)))))
            .ToList();
        return new Answer
        {
            Answered = false,
            Intent = Intent.Help,
            Confidence = 1,
            Title = "LmcBot help",
            Text = "Ask me about Lancang-Mekong Cooperation in plain words (\"Which Chinese EV makers invest in Thailand?\", \"starexpress stops\"), or use a command. Every answer names its source.",
            Fields = fields,
            Commands = _catalog.Help,
            FollowUps = AnswerEngine.ExampleFollowUps(knowledgeBase.Current),
        };
    }
}

using System.Globalization;
using System.CommandLine;
using System.Text;
using LmcBot.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;
using LmcBot.Hosting;
using Microsoft.Extensions.Options;

namespace LmcBot.Cli;

/// <summary>
/// The command line: <c>ask</c>, <c>chat</c>, <c>ingest</c> and the admin and platform verbs; with no verb
/// the host starts. Exit codes: 0 success, 2 usage error, 1 any other failure.
/// </summary>
public static class LmcBotCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    /// <summary>Options every verb takes; created per parse, since an option belongs to one command tree.</summary>
    internal sealed class GlobalOptions
    {
        public Option<string?> Db { get; } = new("--db") { Description = "LiteDB database file (Knowledge:DatabasePath)", Recursive = true };
        public Option<string?> Knowledge { get; } = new("--knowledge") { Description = "knowledge/ folder to build from (Knowledge:Folder)", Recursive = true };
        public Option<bool> Verbose { get; } = new("--verbose") { Description = "Show stack traces on failure", Recursive = true };
    }

    public static async Task<int> RunAsync(string[] args, TextReader? input = null, TextWriter? output = null, TextWriter? error = null)
    {
        input ??= Console.In;
        output ??= Console.Out;
        error ??= Console.Error;
        var globals = new GlobalOptions();
        var root = BuildRoot(globals, input, output, error, args);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync($"error: {parse.Errors[0].Message}");
            await error.WriteLineAsync($"usage: {Usage(parse.CommandResult.Command)}");
            return UsageError;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = output, Error = error, EnableDefaultExceptionHandler = false,
                // The web host handles SIGTERM itself and drains requests for Hosting:ShutdownTimeout; the CLI's own handler would kill it after 2 s.
                ProcessTerminationTimeout = parse.CommandResult.Command is RootCommand ? null : TimeSpan.FromSeconds(2),
            });
        }
        catch (KnowledgeValidationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return Failure;
        }
        catch (OptionsValidationException ex)
        {
            // The same check the web host makes at start-up, with every failing setting named.
            await error.WriteLineAsync("error: the configuration is invalid (appsettings.json, environment variables, options):");
            foreach (var failure in ex.Failures) await error.WriteLineAsync($"  {failure}");
            return Failure;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            if (parse.GetValue(globals.Verbose)) await error.WriteLineAsync(ex.ToString());
            return Failure;
        }
    }

    internal static string Usage(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
            names.Insert(0, c is RootCommand ? "LmcBot" : c.Name);
        var arguments = string.Concat(command.Arguments.Select(a => $" <{a.Name}>"));
        var sub = command.Subcommands.Count > 0 ? " [" + string.Join("|", command.Subcommands.Select(s => s.Name)) + "]" : "";
        return string.Join(' ', names) + sub + arguments + " [options]  (--help for details)";
    }

    /// <summary>The verb's composition: the host builder every verb shares, with <c>--db</c> and <c>--knowledge</c> over the other settings.</summary>
    /// <param name="error">The verb's standard error, where progress is shown when it is a terminal.</param>
    /// <param name="configure">More services for this verb (an adapter).</param>
    internal static CliContext CreateContext(ParseResult parse, TextWriter error, Action<HostApplicationBuilder>? configure = null)
    {
        var contentRoot = ContentRoot.Locate();
        var overrides = new Dictionary<string, string?>();
        Option? Find(string name) => parse.RootCommandResult.Command.Options.FirstOrDefault(o => o.Name == name);
        string? Value(string name) => Find(name) is Option<string?> option ? parse.GetValue(option) : null;
        if (Value("--db") is { Length: > 0 } db) overrides["Knowledge:DatabasePath"] = Path.GetFullPath(db);
        if (Value("--knowledge") is { Length: > 0 } knowledge) overrides["Knowledge:Folder"] = Path.GetFullPath(knowledge);
        var verbose = Find("--verbose") is Option<bool> flag && parse.GetValue(flag);
        var verb = new List<string>();
        for (Command? c = parse.CommandResult.Command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
            verb.Insert(0, c.Name);
        return CliContext.Create(contentRoot, overrides, string.Join(' ', ["LmcBot", .. verb]), TerminalProgress.For(error), verbose, configure);
    }

    private static RootCommand BuildRoot(GlobalOptions globals, TextReader input, TextWriter output, TextWriter error, string[] args)
    {
        var root = new RootCommand("LmcBot: answers questions about Lancang-Mekong Cooperation on Discord, Teams and the console. With no verb it starts the bot's web host.");
        root.Options.Add(globals.Db);
        root.Options.Add(globals.Knowledge);
        root.Options.Add(globals.Verbose);
        // Passed through to the web host's configuration with the rest of args (ASPNETCORE_HTTP_PORTS does the same from the environment).
        root.Options.Add(new Option<string?>("--urls") { Description = "Addresses the web host listens on, e.g. http://0.0.0.0:8080 (host only)" });
        root.SetAction(async (parse, cancellationToken) => await BotWebHost.RunAsync(args, cancellationToken));

        root.Subcommands.Add(AskVerb(input, output, error));
        root.Subcommands.Add(ChatVerb(input, output, error));
        root.Subcommands.Add(IngestVerb(output, error));
        root.Subcommands.Add(DiscordVerb.Create(output, error));
        root.Subcommands.Add(KbVerb.Build(output, error));
        root.Subcommands.Add(TeamsVerb.Create(output));
        root.Subcommands.Add(HealthcheckVerb.Create(output, error));
        root.Subcommands.Add(VectorsVerb.Create(output, error));
        return root;
    }

    private static Command AskVerb(TextReader input, TextWriter output, TextWriter error)
    {
        var question = new Argument<string?>("question") { Description = "The question; omit it to read questions from standard input, one per line", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per question" };
        var explain = new Option<bool>("--explain") { Description = "Also print, to standard error, what each answering stage found: names resolved, how the question was read, the top candidates with their features and score, the threshold and which stage decided" };
        var ask = new Command("ask", "Answer a question (or many, one per line on standard input) from the knowledge base");
        ask.Arguments.Add(question);
        ask.Options.Add(json);
        ask.Options.Add(explain);
        ask.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(question);
            var asJson = parse.GetValue(json);
            if (parse.GetResult(question) is { Tokens.Count: > 0 } && string.IsNullOrWhiteSpace(text))
            {
                await error.WriteLineAsync("error: the question is empty");
                await error.WriteLineAsync($"usage: {Usage(ask)}");
                return UsageError;
            }
            using var context = CreateContext(parse, error);
            if (text is not null)
            {
                // --explain reads the engine's internals, so it needs the database itself (not a running host's).
                if (parse.GetValue(explain)) await error.WriteLineAsync(context.Bot.Explain(text));
                await WriteAnswerAsync(output, text, await context.RunAsync(AdminCall.Ask(text), cancellationToken), asJson);
                return Success;
            }
            while (await input.ReadLineAsync(cancellationToken) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                await WriteAnswerAsync(output, line, await context.RunAsync(AdminCall.Ask(line), cancellationToken), asJson);
                if (!asJson) await output.WriteLineAsync();
            }
            return Success;
        });
        return ask;
    }

    private static async Task WriteAnswerAsync(TextWriter output, string question, Answer answer, bool asJson)
    {
        await output.WriteLineAsync(asJson ? AnswerJson.Serialize(question, answer) : AnswerText.Render(answer));
        await output.FlushAsync();
    }

    private static Command ChatVerb(TextReader input, TextWriter output, TextWriter error)
    {
        var chat = new Command("chat", "An interactive console session: ask questions, type help, quit to leave");
        chat.SetAction(async (parse, cancellationToken) =>
        {
            using var context = CreateContext(parse, error);
            var bot = context.Bot;
            await output.WriteLineAsync($"LmcBot: {context.KnowledgeBase.Current.FactCount} facts from {context.KnowledgeBase.Current.DocumentCount} documents. Ask a question, type help, or quit.");
            // One session is one conversation: follow-ups read against its last answer, numbers pick a "did you mean"
            // choice, good and wrong vote on the last answer.
            var session = Guid.NewGuid().ToString("N");
            Answer? last = null;
            while (true)
            {
                await output.WriteAsync("> ");
                await output.FlushAsync(cancellationToken);
                var line = await input.ReadLineAsync(cancellationToken);
                if (line is null)
                {
                    await output.WriteLineAsync();
                    break;
                }
                var text = line.Trim();
                if (text.Length == 0) continue;
                if (text is "quit" or "exit" or "/quit" or "/exit" or "q") break;
                text = ChatSessionInput.Translate(text, last);
                var answer = await bot.HandleAsync(new ChatRequest { Platform = ChatPlatform.Cli, Sender = ChatSender.LocalUser, ConversationId = session, Text = text }, cancellationToken);
                if (answer.Choices.Count > 0 || answer.Feedback.Count > 0 || answer.Answered) last = answer;
                await output.WriteLineAsync(AnswerText.Render(answer));
                await output.WriteLineAsync();
            }
            await output.WriteLineAsync("Bye.");
            return Success;
        });
        return chat;
    }

    private static Command IngestVerb(TextWriter output, TextWriter error)
    {
        var force = new Option<bool>("--force") { Description = "Re-sync even when the knowledge files did not change" };
        var ingest = new Command("ingest", "Build or update the database from the knowledge/ folder (validates every file first)");
        ingest.Options.Add(force);
        ingest.SetAction(async (parse, cancellationToken) =>
        {
            using var context = CreateContext(parse, error);
            // Validate everything before touching the database: a file with errors changes nothing.
            var set = KnowledgeBase.ReadFolder(context.KnowledgeFolder);
            var knowledgeBase = context.KnowledgeBase;
            var report = parse.GetValue(force)
                ? knowledgeBase.Ingest(force: true, context.Services.GetService<IProgress<EmbeddingProgress>>())
                : knowledgeBase.LastSync;
            var builder = new StringBuilder();
            builder.AppendLine(report.Changed
                ? $"Synced {context.KnowledgeFolder} into {context.DatabasePath}: {set.Documents.Count} documents ({report.Sentences} sentences indexed), {set.Facts.Count} facts (+{report.FactsAdded} new, {report.FactsUpdated} updated, {report.FactsDeleted} deleted), {set.Entities.Count} entities."
                : $"{context.DatabasePath} is up to date with {context.KnowledgeFolder} ({set.Documents.Count} documents, {set.Facts.Count} facts, {set.Entities.Count} entities).");
            foreach (var conflict in report.Conflicts) builder.AppendLine(CultureInfo.InvariantCulture, $"  conflict: {conflict}");
            await output.WriteAsync(builder.ToString());
            return Success;
        });
        return ingest;
    }
}

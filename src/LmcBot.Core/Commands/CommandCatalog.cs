using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Commands;

/// <summary>
/// Every command the bot understands, declared once with its handler. Adding a command is one entry here (see
/// docs/CONTRIBUTING.md); the router, help, Discord registration, the Teams manifest and the CLI follow from it.
/// </summary>
public sealed class CommandCatalog
{
    private readonly Dictionary<string, CommandDefinition> _byPath = new(StringComparer.OrdinalIgnoreCase);

    /// <exception cref="InvalidOperationException">Two commands share a path, or a command has no handler.</exception>
    public CommandCatalog(IReadOnlyList<CommandDefinition> commands)
    {
        Commands = [.. commands.Where(c => !c.IsAction)];
        Actions = [.. commands.Where(c => c.IsAction)];
        foreach (var command in commands)
            Index(command.Name, command);
        Help = [.. Leaves().Select(leaf => Find(leaf.Path)!.ToHelp(leaf.Path))];
    }

    /// <summary>The commands people type or pick from a menu.</summary>
    public IReadOnlyList<CommandDefinition> Commands { get; }

    /// <summary>What buttons send (<see cref="CommandDefinition.IsAction"/>): found and dispatched like commands, listed nowhere.</summary>
    public IReadOnlyList<CommandDefinition> Actions { get; }

    /// <summary>Every invocable command as help lists it, admin-only inherited from its group; built once.</summary>
    public IReadOnlyList<CommandHelp> Help { get; }

    /// <summary>The catalog the bot ships with.</summary>
    public static CommandCatalog Default { get; } = new(BuildDefault());

    /// <summary>Finds a command or subcommand by its space-separated path (<c>kb add citypair</c>).</summary>
    public CommandDefinition? Find(string path) =>
        _byPath.TryGetValue(NormalisePath(path), out var found) ? found : null;

    /// <summary>All invocable (leaf) commands with their full paths, in declaration order.</summary>
    public IEnumerable<(string Path, CommandDefinition Command)> Leaves()
    {
        foreach (var command in Commands)
            foreach (var leaf in LeavesOf(command.Name, command))
                yield return leaf;
    }

    private static IEnumerable<(string, CommandDefinition)> LeavesOf(string path, CommandDefinition command)
    {
        if (!command.IsGroup)
        {
            yield return (path, command);
            yield break;
        }
        foreach (var sub in command.Subcommands)
            foreach (var leaf in LeavesOf(path + " " + sub.Name, sub))
                yield return leaf;
    }

    private void Index(string path, CommandDefinition command)
    {
        if (!_byPath.TryAdd(path, command))
            throw new InvalidOperationException($"Duplicate command '{path}' in the catalog.");
        if (!command.IsGroup && command.Handler is null)
            throw new InvalidOperationException($"The command '{path}' in the catalog has no handler.");
        foreach (var sub in command.Subcommands)
            Index(path + " " + sub.Name, sub with { AdminOnly = sub.AdminOnly || command.AdminOnly });
    }

    private static string NormalisePath(string path) =>
        string.Join(' ', path.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>A token option's longest value (<see cref="Conversations.ActionTokens.MaxLength"/>, with room for a future format).</summary>
    private const int ActionTokenLength = 40;

    private static IReadOnlyList<CommandDefinition> BuildDefault()
    {
        CommandOption[] source =
        [
            new("document", "Id of the document that holds the quote") { MaxLength = 100 },
            new("quote", "Exact words from the document (or the web page) that support the fact") { MaxLength = 1000 },
            new("url", "Web page the quote comes from, when it is not an imported document") { MaxLength = 500 },
            new("admin_note", "No source: shown as an unsourced admin note", CommandOptionType.Boolean),
            new("statement", "The one-sentence answer; generated from the fields when left out") { MaxLength = 500 },
            new("id", "Id for the new fact; generated when left out") { MaxLength = 80 },
        ];
        CommandOption[] WithSource(params CommandOption[] fields) => [.. fields, .. source];

        var add = new CommandDefinition("add", "Add a fact to the knowledge base")
        {
            AdminOnly = true,
            Subcommands =
            [
                new("citypair", "Add a city pair (sister city, friendship city, letter of intent)")
                {
                    Handler = CommandHandlers.KbAdd,
                    Options = WithSource(
                        new("city_a", "First city") { Required = true, Autocomplete = CompletionSource.Cities, MaxLength = 100 },
                        new("city_b", "Second city") { Required = true, Autocomplete = CompletionSource.Cities, MaxLength = 100 },
                        new("status", "sister city, friendship city, letter of intent, friendly relations")
                        {
                            Required = true,
                            FixedChoices = ["sister city", "friendship city", "letter of intent", "friendly relations", "sister province"],
                        },
                        new("date", "When it was signed (YYYY, YYYY-MM or YYYY-MM-DD)") { MaxLength = 10 }),
                    Examples = ["kb add citypair city_a:Kunming city_b:\"Chiang Mai\" status:\"sister city\" date:1999-06-07 admin_note:true"],
                },
                new("investment", "Add an investment (investor, country, sector)")
                {
                    Handler = CommandHandlers.KbAdd,
                    Options = WithSource(
                        new("investor", "Company or investor") { Required = true, MaxLength = 100 },
                        new("country", "Country invested in") { Required = true, Autocomplete = CompletionSource.Countries, MaxLength = 100 },
                        new("sector", "Sector, for example electric vehicles") { Required = true, Autocomplete = CompletionSource.Sectors, MaxLength = 100 },
                        new("place", "Where (city, province, industrial estate)") { MaxLength = 100 },
                        new("date", "When it opened or was announced") { MaxLength = 10 },
                        new("amount", "How much, with its currency (USD 490 million)") { MaxLength = 100 }),
                },
                new("route", "Add a route with its stops in order")
                {
                    Handler = CommandHandlers.KbAdd,
                    Options = WithSource(
                        new("name", "Route or service name") { Required = true, MaxLength = 100 },
                        new("stops", "Stops in order, separated by commas") { Required = true, MaxLength = 1000 },
                        new("launched", "When it started (YYYY, YYYY-MM or YYYY-MM-DD)") { MaxLength = 10 },
                        new("operator", "Who runs it") { MaxLength = 100 }),
                },
                new("figure", "Add a figure (value, unit, year)")
                {
                    Handler = CommandHandlers.KbAdd,
                    Options = WithSource(
                        new("metric", "What is measured, e.g. china-mekong-trade") { Required = true, Autocomplete = CompletionSource.Metrics, MaxLength = 80 },
                        new("value", "The number", CommandOptionType.Number) { Required = true },
                        new("unit", "Unit, e.g. USD billion") { Required = true, MaxLength = 60 },
                        new("year", "Year or date it refers to") { Required = true, MaxLength = 10 },
                        new("subject", "What it is about, e.g. China-Laos Railway") { MaxLength = 100 },
                        new("change", "Change against an earlier figure, e.g. +5%") { MaxLength = 100 }),
                },
                new("place", "Add a place or organisation")
                {
                    Handler = CommandHandlers.KbAdd,
                    Options = WithSource(
                        new("name", "Name") { Required = true, MaxLength = 150 },
                        new("type", "What it is: station, hub, centre, company…") { Required = true, MaxLength = 60 },
                        new("location", "Where it is") { MaxLength = 100 },
                        new("role", "What it does") { MaxLength = 300 }),
                },
                new("note", "Add a free fact about a subject")
                {
                    Handler = CommandHandlers.KbAdd,
                    Options = WithSource(
                        new("subject", "What the note is about") { Required = true, MaxLength = 150 },
                        new("text", "The fact, as one sentence") { Required = true, MaxLength = 500 }),
                },
            ],
        };

        return
        [
            new("ask", "Ask a question about Lancang-Mekong Cooperation")
            {
                Handler = CommandHandlers.Ask,
                Options =
                [
                    new("question", "Your question, in plain words") { Required = true, MaxLength = 1000 },
                    new("private", "Show the answer only to you", CommandOptionType.Boolean),
                ],
                Examples = ["When was the China-Laos Railway opened?", "Which Chinese EV makers invest in Thailand?"],
            },
            new("route", "Show a route and its stops")
            {
                Handler = CommandHandlers.Route,
                Options = [new("name", "Route name") { Required = true, Autocomplete = CompletionSource.Routes, MaxLength = 100 }],
                Examples = ["route StarExpress"],
            },
            new("investors", "Chinese investors in a country")
            {
                Handler = CommandHandlers.Investors,
                Options =
                [
                    new("country", "Country") { Required = true, Choices = CompletionSource.Countries, MaxLength = 100 },
                    new("sector", "Only this sector, e.g. electric vehicles") { Autocomplete = CompletionSource.Sectors, MaxLength = 100 },
                ],
                Examples = ["investors Thailand"],
            },
            new("citypairs", "Partner cities of a city")
            {
                Handler = CommandHandlers.CityPairs,
                Options = [new("city", "City") { Required = true, Autocomplete = CompletionSource.Cities, MaxLength = 100 }],
                Examples = ["citypairs Chiang Mai"],
            },
            new("trade", "China-Mekong trade figures by year")
            {
                Handler = CommandHandlers.Trade,
                Options = [new("year", "Only this year", CommandOptionType.Integer)],
                Examples = ["trade", "trade year:2022"],
            },
            new("about", "What this bot is and what it knows") { Handler = CommandHandlers.About, Examples = ["about"] },
            new("sources", "The documents the answers come from") { Handler = CommandHandlers.Sources, Examples = ["sources"] },
            new("help", "How to ask, and the commands") { Handler = CommandHandlers.Help, Examples = ["help"] },
            new("kb", "Admin: keep the knowledge base current")
            {
                AdminOnly = true,
                Subcommands =
                [
                    add,
                    new("edit", "Change a field of a fact")
                    {
                        Handler = CommandHandlers.KbEdit,
                        Options =
                        [
                            new("id", "Fact id") { Required = true, Autocomplete = CompletionSource.FactIds, MaxLength = 80 },
                            new("field", "Field to change (statement, a typed field, quote…)") { Required = true, MaxLength = 40 },
                            new("value", "New value") { Required = true, MaxLength = 1000 },
                            new("version", "The version you saw (kb show); refused if the fact changed since", CommandOptionType.Integer),
                        ],
                        Examples = ["kb edit id:starexpress-route field:launched value:2024-09-24"],
                    },
                    new("remove", "Remove a fact (restorable with kb undo or kb restore)")
                    {
                        Handler = CommandHandlers.KbRemove,
                        Options =
                        [
                            new("id", "Fact id") { Required = true, Autocomplete = CompletionSource.FactIds, MaxLength = 80 },
                            new("version", "The version you saw (kb show)", CommandOptionType.Integer),
                        ],
                    },
                    new("restore", "Bring back a removed fact")
                    {
                        Handler = CommandHandlers.KbRestore,
                        Options = [new("id", "Fact id") { Required = true, MaxLength = 80 }],
                    },
                    new("show", "Show a fact with its source and history")
                    {
                        Handler = CommandHandlers.KbShow,
                        Options = [new("id", "Fact id") { Required = true, Autocomplete = CompletionSource.FactIds, MaxLength = 80 }],
                    },
                    new("list", "List facts by kind or text")
                    {
                        Handler = CommandHandlers.KbList,
                        Options =
                        [
                            new("kind", "Only this kind") { Choices = CompletionSource.FactKinds, MaxLength = 20 },
                            new("text", "Only facts containing this text") { MaxLength = 100 },
                            new("page", "Page number", CommandOptionType.Integer),
                        ],
                        Examples = ["kb list kind:citypair"],
                    },
                    new("import", "Import a document (text or Markdown) so questions about it are answered")
                    {
                        Handler = CommandHandlers.KbImport,
                        Options =
                        [
                            new("file", "The document: a .md or .txt file", CommandOptionType.Attachment),
                            new("text", "Or paste the document's text") { MaxLength = 6000 },
                            new("title", "Title (taken from the front matter or first heading when left out)") { MaxLength = 200 },
                            new("id", "Document id (from the front matter or title when left out)") { MaxLength = 80 },
                            new("url", "Where the document was published") { MaxLength = 500 },
                        ],
                    },
                    new("history", "Audit trail of changes")
                    {
                        Handler = CommandHandlers.KbHistory,
                        Options =
                        [
                            new("id", "Only changes to this fact or document") { MaxLength = 80 },
                            new("page", "Page number", CommandOptionType.Integer),
                        ],
                    },
                    new("undo", "Revert a change by its audit entry number; without one, names the latest change")
                    {
                        Handler = CommandHandlers.KbUndo,
                        Options = [new("entry", "Audit entry number (kb history)", CommandOptionType.Integer)],
                    },
                    new("unanswered", "Questions the bot declined recently, most frequent first")
                    {
                        Handler = CommandHandlers.KbUnanswered,
                        Options = [new("page", "Page number", CommandOptionType.Integer)],
                    },
                    new("export", "Export the whole knowledge base in the knowledge/ file format") { Handler = CommandHandlers.KbExport },
                    new("feedback", "Answers people marked \"Not right\", grouped by question, most frequent first")
                    {
                        Handler = CommandHandlers.KbFeedback,
                        Options = [new("page", "Page number", CommandOptionType.Integer)],
                    },
                ],
            },
            new("choose", "Answer one of the questions a \"did you mean\" offered")
            {
                IsAction = true,
                Handler = CommandHandlers.Choose,
                Options = [new("token", "The choice's token") { Required = true, MaxLength = ActionTokenLength }],
            },
            new("feedback", "Vote on an answer")
            {
                IsAction = true,
                Handler = CommandHandlers.Feedback,
                Options =
                [
                    new("token", "The answer's token") { Required = true, MaxLength = ActionTokenLength },
                    new("vote", "helpful or wrong") { Required = true, FixedChoices = ["helpful", "wrong"] },
                ],
            },
        ];
    }
}

using System.Reflection;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Commands;

/// <summary>A command is one catalog entry with its handler: no entry without one, no handler without an entry.</summary>
public sealed class CommandCatalogTests
{
    private static readonly CommandCatalog Catalog = CommandCatalog.Default;

    [Fact]
    public void EveryInvocableEntry_HasAHandler()
    {
        var missing = Catalog.Leaves().Where(leaf => leaf.Command.Handler is null).Select(leaf => leaf.Path).ToList();

        Assert.Empty(missing);
        Assert.All(Catalog.Actions, action => Assert.NotNull(action.Handler));
        Assert.All(Catalog.Commands.Where(c => c.IsGroup), group => Assert.Null(group.Handler));
    }

    [Fact]
    public void Actions_AreFoundButListedNowhere()
    {
        Assert.Equal(["choose", "feedback"], Catalog.Actions.Select(a => a.Name));
        Assert.All(Catalog.Actions, action => Assert.Same(action, Catalog.Find(action.Name)));
        Assert.DoesNotContain(Catalog.Help, help => help.Path is "choose" or "feedback");
        Assert.DoesNotContain(Catalog.Commands, command => command.IsAction);
    }

    [Fact]
    public void EveryHandler_IsTheHandlerOfSomeEntry()
    {
        var used = Catalog.Leaves().Select(leaf => leaf.Command).Concat(Catalog.Actions).Select(command => command.Handler!.Method).ToHashSet();
        var handlers = typeof(CommandCatalog).Assembly.GetType("LmcBot.Core.Commands.CommandHandlers", throwOnError: true)!
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Answer) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(CommandContext));

        Assert.Empty(handlers.Where(h => !used.Contains(h)).Select(h => h.Name));
    }

    [Fact]
    public void AnEntryWithoutAHandler_IsRefusedWhenTheCatalogIsBuilt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CommandCatalog([new CommandDefinition("ping", "Answers pong")]));

        Assert.Contains("'ping'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewEntry_IsRoutedToItsHandler_WithNoOtherChange()
    {
        var catalog = new CommandCatalog([
            new CommandDefinition("ping", "Answers pong")
            {
                Options = [new CommandOption("times", "How often", CommandOptionType.Integer)],
                Handler = c => new Answer { Answered = true, Intent = Intent.About, Text = $"pong x{c.Option("times") ?? "1"}" },
            },
        ]);
        using var holder = new BotHolder(catalog: catalog);

        var typed = await holder.Bot.HandleAsync(ChatRequest.ForCommand(ChatPlatform.Cli, ChatSender.LocalUser, "ping",
            new Dictionary<string, string> { ["times"] = "3" }));
        var asText = await holder.Bot.HandleAsync(ChatRequest.Question(ChatPlatform.Cli, ChatSender.LocalUser, "ping times:2"));

        Assert.Equal("pong x3", typed.Text);
        Assert.Equal("pong x2", asText.Text);
    }

    [Fact]
    public async Task Help_ListsEveryCommand_AdminOnesIncluded_FromTheCatalogOnce()
    {
        using var holder = new BotHolder();

        var help = await holder.Bot.HandleAsync(ChatRequest.ForCommand(ChatPlatform.Cli, ChatSender.LocalUser, "help"));

        Assert.Equal(Catalog.Help, help.Commands);
        Assert.Equal(Catalog.Leaves().Select(l => l.Path), help.Commands.Select(c => c.Path));
        Assert.True(help.Commands.Single(c => c.Path == "kb restore").AdminOnly);
        var kb = Assert.Single(help.Fields, f => f.Name == "kb").Value;
        foreach (var sub in new[] { "add", "edit", "remove", "restore", "show", "list", "import", "history", "undo", "unanswered", "export" })
            Assert.Contains(sub, kb, StringComparison.Ordinal);
    }
}

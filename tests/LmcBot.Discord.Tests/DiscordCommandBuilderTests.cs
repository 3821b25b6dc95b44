using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LmcBot.Core.Commands;
using LmcBot.Discord.Commands;
using LmcBot.Testing;

namespace LmcBot.Discord.Tests;

public sealed partial class DiscordCommandBuilderTests
{
    private static readonly JsonArray Commands = new DiscordCommandBuilder(CommandCatalog.Default, new ScriptedChatBot()).Build();

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();

    private static IEnumerable<JsonObject> AllNodes(JsonArray? array)
    {
        foreach (var node in array?.OfType<JsonObject>() ?? [])
        {
            yield return node;
            foreach (var child in AllNodes(node["options"] as JsonArray))
                yield return child;
        }
    }

    private static JsonObject Command(string name) => Commands.OfType<JsonObject>().Single(c => c["name"]!.GetValue<string>() == name);

    private static JsonObject Option(JsonObject parent, string name) =>
        parent["options"]!.AsArray().OfType<JsonObject>().Single(o => o["name"]!.GetValue<string>() == name);

    [Fact]
    public void Build_Catalog_HasEveryTopLevelCommand()
    {
        Assert.Equal(["ask", "route", "investors", "citypairs", "trade", "about", "sources", "help", "kb"],
            Commands.Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Build_EveryNameAndDescription_ObeysDiscordRules()
    {
        foreach (var node in AllNodes(Commands))
        {
            var name = node["name"]!.GetValue<string>();
            Assert.Matches(NamePattern(), name);
            Assert.Equal(name.ToLowerInvariant(), name);
            var description = node["description"]!.GetValue<string>();
            Assert.InRange(description.Length, 1, 100);
            var options = node["options"] as JsonArray;
            Assert.True((options?.Count ?? 0) <= 25, $"{name} has more than 25 options");
            Assert.Equal(options?.Count ?? 0, options?.Select(o => o!["name"]!.GetValue<string>()).Distinct().Count() ?? 0);
        }
    }

    [Fact]
    public void Build_EveryOptionList_RequiredOptionsFirst()
    {
        foreach (var node in AllNodes(Commands))
        {
            var required = (node["options"] as JsonArray)?.Select(o => o!["required"]?.GetValue<bool>() ?? false).ToList() ?? [];
            Assert.Equal(required.OrderByDescending(r => r), required);
        }
    }

    [Fact]
    public void Build_EveryCommand_Within8000CharactersOfText()
    {
        foreach (var command in Commands.OfType<JsonObject>())
        {
            var total = AllNodes(new JsonArray(command.DeepClone())).Sum(n =>
                n["name"]!.GetValue<string>().Length + n["description"]!.GetValue<string>().Length
                + ((n["choices"] as JsonArray)?.Sum(c => c!["name"]!.GetValue<string>().Length + c["value"]!.ToString().Length) ?? 0));
            Assert.True(total <= 8000, $"{command["name"]} has {total} characters");
        }
    }

    [Fact]
    public void Build_Ask_QuestionRequiredStringAndPrivateBoolean()
    {
        var ask = Command("ask");
        Assert.Equal(3, Option(ask, "question")["type"]!.GetValue<int>());
        Assert.True(Option(ask, "question")["required"]!.GetValue<bool>());
        Assert.Equal(5, Option(ask, "private")["type"]!.GetValue<int>());
        Assert.Null(ask["default_member_permissions"]);
    }

    [Fact]
    public void Build_OptionTypes_MapToDiscordTypes()
    {
        Assert.Equal(4, Option(Command("trade"), "year")["type"]!.GetValue<int>());
        var kb = Command("kb");
        var figure = Option(Option(kb, "add"), "figure");
        Assert.Equal(10, Option(figure, "value")["type"]!.GetValue<int>());
        Assert.Equal(11, Option(Option(kb, "import"), "file")["type"]!.GetValue<int>());
    }

    [Fact]
    public void Build_Kb_AdminTreeWithManageGuildDefaultAndSubcommandGroup()
    {
        var kb = Command("kb");
        Assert.Equal("32", kb["default_member_permissions"]!.GetValue<string>());
        var add = Option(kb, "add");
        Assert.Equal(2, add["type"]!.GetValue<int>());
        Assert.Equal(1, Option(add, "citypair")["type"]!.GetValue<int>());
        Assert.Equal(1, Option(kb, "list")["type"]!.GetValue<int>());
    }

    [Fact]
    public void Build_AutocompleteOptions_FlaggedWithoutChoices()
    {
        var name = Option(Command("route"), "name");
        Assert.True(name["autocomplete"]!.GetValue<bool>());
        Assert.Null(name["choices"]);
        Assert.True(Option(Command("citypairs"), "city")["autocomplete"]!.GetValue<bool>());
    }

    [Fact]
    public void Build_ChoiceOptions_ChoicesFromTheBotAndFixedLists()
    {
        var country = Option(Command("investors"), "country");
        Assert.Null(country["autocomplete"]);
        Assert.Contains(country["choices"]!.AsArray(), c => c!["value"]!.GetValue<string>() == "Thailand");
        Assert.True(country["choices"]!.AsArray().Count <= 25);

        var status = Option(Option(Option(Command("kb"), "add"), "citypair"), "status");
        Assert.Equal(["sister city", "friendship city", "letter of intent", "friendly relations", "sister province"],
            status["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
    }

    [Fact]
    public void Build_StringOption_CarriesMaxLength()
    {
        Assert.Equal(1000, Option(Command("ask"), "question")["max_length"]!.GetValue<int>());
    }
}

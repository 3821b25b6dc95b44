using System.Globalization;
using System.Text.Json.Nodes;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using LmcBot.Core.Knowledge;
using LmcBot.Discord.Rendering;

namespace LmcBot.Discord.Commands;

/// <summary>
/// Generates Discord's application-command JSON from the <see cref="CommandCatalog"/>: option types, subcommand
/// groups, choices (fixed, or read from the knowledge base through <see cref="IChatBot.Complete"/>), autocomplete
/// flags and the Manage Server default permission for admin commands.
/// </summary>
public sealed class DiscordCommandBuilder(CommandCatalog catalog, IChatBot bot)
{
    internal const int SubCommand = 1;
    internal const int SubCommandGroup = 2;
    internal const string ManageGuildPermission = "32";

    public JsonArray Build()
    {
        var commands = new JsonArray();
        foreach (var command in catalog.Commands)
        {
            var json = new JsonObject
            {
                ["name"] = command.Name,
                ["type"] = 1,
                ["description"] = Description(command.Description),
                ["options"] = command.IsGroup ? Subcommands(command.Name, command) : Options(command.Name, command.Options),
            };
            if (command.AdminOnly)
                json["default_member_permissions"] = ManageGuildPermission;
            commands.Add(json);
        }
        return commands;
    }

    /// <summary>The Discord option type for a catalog option type.</summary>
    public static int OptionType(CommandOptionType type) => type switch
    {
        CommandOptionType.String => 3,
        CommandOptionType.Integer => 4,
        CommandOptionType.Boolean => 5,
        CommandOptionType.Number => 10,
        CommandOptionType.Attachment => 11,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No Discord option type for this catalog type."),
    };

    private JsonArray Subcommands(string path, CommandDefinition group)
    {
        var result = new JsonArray();
        foreach (var sub in group.Subcommands)
        {
            var subPath = path + " " + sub.Name;
            result.Add(new JsonObject
            {
                ["name"] = sub.Name,
                ["type"] = sub.IsGroup ? SubCommandGroup : SubCommand,
                ["description"] = Description(sub.Description),
                ["options"] = sub.IsGroup ? Subcommands(subPath, sub) : Options(subPath, sub.Options),
            });
        }
        return result;
    }

    private JsonArray Options(string path, IReadOnlyList<CommandOption> options)
    {
        var result = new JsonArray();
        // Discord requires required options first; OrderBy is stable, so the catalog's order is otherwise kept.
        foreach (var option in options.OrderBy(o => o.Required ? 0 : 1).Take(DiscordLimits.CommandOptions))
        {
            var json = new JsonObject
            {
                ["name"] = option.Name,
                ["type"] = OptionType(option.Type),
                ["description"] = Description(option.Description),
            };
            if (option.Required)
                json["required"] = true;

            var choices = ChoicesFor(path, option);
            if (choices.Count > 0)
                json["choices"] = ChoiceArray(option.Type, choices);
            else if (option.Autocomplete != CompletionSource.None && option.Type is CommandOptionType.String
                     or CommandOptionType.Integer or CommandOptionType.Number)
                json["autocomplete"] = true;

            if (option.Type == CommandOptionType.String && choices.Count == 0)
                json["max_length"] = Math.Clamp(option.MaxLength, 1, DiscordLimits.OptionMaxLength);
            result.Add(json);
        }
        return result;
    }

    private List<string> ChoicesFor(string path, CommandOption option)
    {
        if (option.FixedChoices.Count > 0)
            return option.FixedChoices.Take(DiscordLimits.Choices).ToList();
        if (option.Choices == CompletionSource.None)
            return [];
        return bot.Complete(path, option.Name, string.Empty, DiscordLimits.Choices)
            .Where(value => !string.IsNullOrWhiteSpace(value) && value.Length <= DiscordLimits.ChoiceValue)
            .Distinct(StringComparer.Ordinal)
            .Take(DiscordLimits.Choices)
            .ToList();
    }

    private static JsonArray ChoiceArray(CommandOptionType type, IReadOnlyList<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            JsonNode? typed = type switch
            {
                CommandOptionType.Integer when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
                CommandOptionType.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                CommandOptionType.String => value,
                _ => null,
            };
            if (typed is not null)
                array.Add(new JsonObject { ["name"] = TextTruncator.Truncate(value, DiscordLimits.ChoiceName), ["value"] = typed });
        }
        return array;
    }

    private static string Description(string text) => TextTruncator.Truncate(text, DiscordLimits.CommandDescription);
}

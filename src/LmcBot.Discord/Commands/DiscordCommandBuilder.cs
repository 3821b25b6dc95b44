using System.Globalization;
using System.Text.Json;
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
    internal const string ManageGuildPermission = "32";

    /// <summary>The commands as the JSON that registration sends and compares with what Discord has.</summary>
    public JsonArray Build() =>
        JsonSerializer.SerializeToNode(Commands(), DiscordJsonContext.Default.IReadOnlyListApplicationCommand)!.AsArray();

    internal IReadOnlyList<ApplicationCommand> Commands() =>
    [
        .. catalog.Commands.Select(command => new ApplicationCommand(
            command.Name,
            Description(command.Description),
            command.IsGroup ? Subcommands(command.Name, command) : Options(command.Name, command.Options))
        {
            DefaultMemberPermissions = command.AdminOnly ? ManageGuildPermission : null,
        }),
    ];

    /// <summary>The Discord option type for a catalog option type.</summary>
    internal static ApplicationCommandOptionType OptionType(CommandOptionType type) => type switch
    {
        CommandOptionType.String => ApplicationCommandOptionType.String,
        CommandOptionType.Integer => ApplicationCommandOptionType.Integer,
        CommandOptionType.Boolean => ApplicationCommandOptionType.Boolean,
        CommandOptionType.Number => ApplicationCommandOptionType.Number,
        CommandOptionType.Attachment => ApplicationCommandOptionType.Attachment,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No Discord option type for this catalog type."),
    };

    private List<ApplicationCommandOption> Subcommands(string path, CommandDefinition group) =>
    [
        .. group.Subcommands.Select(sub => new ApplicationCommandOption(
            sub.Name,
            sub.IsGroup ? ApplicationCommandOptionType.SubCommandGroup : ApplicationCommandOptionType.SubCommand,
            Description(sub.Description))
        {
            Options = sub.IsGroup ? Subcommands(path + " " + sub.Name, sub) : Options(path + " " + sub.Name, sub.Options),
        }),
    ];

    private List<ApplicationCommandOption> Options(string path, IReadOnlyList<CommandOption> options)
    {
        var result = new List<ApplicationCommandOption>();
        // Discord requires required options first; OrderBy is stable, so the catalog's order is otherwise kept.
        foreach (var option in options.OrderBy(o => o.Required ? 0 : 1).Take(DiscordLimits.CommandOptions))
        {
            var choices = ChoicesFor(path, option);
            result.Add(new ApplicationCommandOption(option.Name, OptionType(option.Type), Description(option.Description))
            {
                Required = option.Required ? true : null,
                Choices = choices.Count > 0 ? TypedChoices(option.Type, choices) : null,
                Autocomplete = choices.Count == 0 && option.Autocomplete != CompletionSource.None
                    && option.Type is CommandOptionType.String or CommandOptionType.Integer or CommandOptionType.Number ? true : null,
                MaxLength = option.Type == CommandOptionType.String && choices.Count == 0
                    ? Math.Clamp(option.MaxLength, 1, DiscordLimits.OptionMaxLength) : null,
            });
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

    private static List<ApplicationCommandChoice> TypedChoices(CommandOptionType type, IReadOnlyList<string> values)
    {
        var result = new List<ApplicationCommandChoice>();
        foreach (var value in values)
        {
            object? typed = type switch
            {
                CommandOptionType.Integer when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
                CommandOptionType.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                CommandOptionType.String => value,
                _ => null,
            };
            if (typed is not null)
                result.Add(new ApplicationCommandChoice(TextTruncator.Truncate(value, DiscordLimits.ChoiceName), typed));
        }
        return result;
    }

    private static string Description(string text) => TextTruncator.Truncate(text, DiscordLimits.CommandDescription);
}
